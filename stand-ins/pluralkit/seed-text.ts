/** Prose for the sample data: long, unicode-rich descriptions like real PluralKit profiles. */

const SENTENCES = [
  'Hi! We are a plural system and we use PluralKit to proxy our messages, so please be patient with us. 💜',
  'Front changes a lot during exam weeks; check the fronter list before you DM someone specific.',
  '**Boundaries:** no unsolicited advice, no "which one is the real one" questions, and please use the name of whoever is fronting.',
  'We love hiking, cozy games, tea (oolong > everything) and long conversations about linguistics at 3 a.m.',
  'If a message looks out of character, it probably is not — ask who is here with `pk;front` or just say hi.',
  'Art and writing are shared across the system; credit goes to whoever made it (see the member cards).',
  '🌙 Night shift tends to be quieter. ☀️ Mornings are chaotic. Coffee is a group decision.',
  'Our timezone is Europe/Berlin, but sleep schedules are a suggestion at best.',
  'Tone indicators are appreciated: /j, /srs, /gen. We will use them too.',
  'Ça va? Wir sprechen auch Deutsch, un peu de français, y un poquito de español.',
  'Pronouns are listed per member; when in doubt, "they" works for everyone.',
  'This profile is a work in progress — last updated after our spring system meeting. ✨',
];

/**
 * A description of at most `length` UTF-16 characters made of whole sentences, starting at sentence
 * `offset`, with line breaks between paragraphs: as long as the sentences allow, never cut mid-word.
 */
export function longDescription(length: number, offset = 0): string {
  let text = '';
  for (let i = 0; ; i++) {
    const sentence = SENTENCES[(offset + i) % SENTENCES.length] ?? '';
    const next = text + (text === '' ? '' : i % 3 === 0 ? '\n\n' : ' ') + sentence;
    if (next.length > length) return text === '' ? sentence.slice(0, length) : text;
    text = next;
  }
}

/** The sample system's own description (~900 characters). */
export const OWN_SYSTEM_DESCRIPTION = longDescription(900);
