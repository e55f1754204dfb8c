import type { APIEmbed } from 'discord-api-types/v10';
import type { Reminder } from '../features/reminder-book.js';
import { DiscordLimits, fitLines, truncate } from './limits.js';
import type { RenderedMessage } from './message.js';
import { boldName } from './names.js';
import { codeSpan } from './text.js';

/** A reminder as a list shows it: with the member's name as PluralKit has it now, when it still has them. */
export interface ListedReminder {
  readonly reminder: Reminder;
  /** The member's shown name now; undefined when the member is no longer in the system. */
  readonly currentName: string | undefined;
}

/** The shortest preview of a note a full list still shows. */
const MinNotePreview = 80;

/**
 * `/remind list`: every reminder under its member's name (members in name order, then oldest note first), with
 * the id `/remind remove` takes. Each note is shown as written on one line; when all of them do not fit
 * Discord's 4,096 characters, each is cut to an equal share (the DM still carries the whole note).
 */
export function renderReminderList(listed: readonly ListedReminder[], max: number): RenderedMessage {
  if (listed.length === 0) {
    return {
      content:
        'Your system has no reminders yet. Add one with `/remind add`: I DM you its note when that member switches in.',
      embeds: [],
      components: [],
    };
  }
  const labelOf = (entry: ListedReminder): string =>
    entry.currentName === undefined
      ? `${boldName(entry.reminder.memberName)} (no longer in your system)`
      : boldName(entry.currentName);
  const sorted = [...listed].sort(
    (a, b) =>
      labelOf(a).localeCompare(labelOf(b), 'en', { sensitivity: 'base', numeric: true }) ||
      a.reminder.memberUuid.localeCompare(b.reminder.memberUuid) ||
      a.reminder.createdAt.localeCompare(b.reminder.createdAt),
  );
  const preview = Math.max(MinNotePreview, Math.floor(3_600 / listed.length) - 20);
  const lines: string[] = [];
  let previousMember: string | undefined;
  for (const entry of sorted) {
    // Namesakes stay apart: a heading per member, not per name.
    if (entry.reminder.memberUuid !== previousMember) lines.push(labelOf(entry));
    previousMember = entry.reminder.memberUuid;
    lines.push(`${codeSpan(entry.reminder.id)} ${truncate(entry.reminder.note.replace(/\s+/g, ' '), preview)}`);
  }
  const embed: APIEmbed = {
    title: 'Reminders',
    description: fitLines(lines, DiscordLimits.embedDescription).text,
    footer: { text: `${listed.length} of ${max} reminders · I DM you a member's notes when they switch in` },
  };
  return { embeds: [embed], components: [] };
}

/** The notes due for one member that just switched in. */
export interface DueReminders {
  /** The member's shown name, from the front just read. */
  readonly name: string;
  readonly notes: readonly string[];
}

/**
 * The reminder DM of one front change: each member's name, then their notes as written (never escaped, so the
 * user's own markdown shows). Usually one message; only when the notes pass Discord's 2,000 characters do
 * they continue in further messages, never cutting a note.
 */
export function renderReminderDm(due: readonly DueReminders[]): string[] {
  const messages: string[] = [];
  let current = '';
  let currentHeader: string | undefined;
  for (const member of due) {
    const header = `🔔 ${boldName(member.name)} switched in:`;
    for (const note of member.notes) {
      const addition = header === currentHeader ? `\n• ${note}` : `${current === '' ? '' : '\n\n'}${header}\n• ${note}`;
      if (current.length + addition.length <= DiscordLimits.content) {
        current += addition;
      } else {
        if (current !== '') messages.push(current);
        current = truncate(`${header}\n• ${note}`, DiscordLimits.content);
      }
      currentHeader = header;
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}
