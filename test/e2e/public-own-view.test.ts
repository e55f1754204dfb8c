import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateInfoNote } from '../../src/discord/owner-view.js';
import type { MessageState } from '../../stand-ins/discord/index.js';
import { startHarness, type Harness } from './harness.js';
import { selectOf } from './profiles-helpers.js';

const footerOf = (message: MessageState): string => message.embeds.at(-1)?.footer?.text ?? '';
const listed = (message: MessageState): string[] => selectOf(message).options.map((option) => option.value);

describe('public: true on your own system follows show_private_info', () => {
  let h: Harness;
  let setShowPrivateInfo: (on: boolean) => void;
  beforeAll(async () => {
    // No cache, so a changed setting applies to the very next command.
    h = await startHarness({ env: { PLURALKIT_CACHE_TTL_MS: '0' } });
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    const system = h.pk.state.systems.get(h.pk.sample.own.systemUuid);
    if (system === undefined) throw new Error('no own system');
    setShowPrivateInfo = (on) => {
      system.settings.show_private_info = on;
    };
  });
  afterAll(() => h.finish());

  it('with the setting on (the default), shows the owner view and says so in the footer', async () => {
    const shown = await h.command('members', { public: true }).reply();
    expect(shown.ephemeral).toBe(false);
    expect(listed(shown)).toContain(h.pk.sample.own.privateMemberId);
    expect(footerOf(shown)).toContain(PrivateInfoNote);

    const card = await h.command('member', { member: h.pk.sample.own.privateMemberId, public: true }).reply();
    expect(card.ephemeral).toBe(false);
    expect(footerOf(card)).toContain(PrivateInfoNote);
    expect(JSON.stringify(card)).toContain('avatars/cipher');
  });

  it('with the setting off, a public answer is the public view, without the note', async () => {
    setShowPrivateInfo(false);
    try {
      const shown = await h.command('members', { public: true }).reply();
      expect(shown.ephemeral).toBe(false);
      expect(listed(shown)).not.toContain(h.pk.sample.own.privateMemberId);
      expect(listed(shown).length).toBeGreaterThan(0);
      expect(footerOf(shown)).not.toContain(PrivateInfoNote);

      const hidden = await h.command('member', { member: h.pk.sample.own.privateMemberId, public: true }).reply();
      // Fetched by id a hidden member is found, but only with its public fields: no private avatar.
      expect(hidden.ephemeral).toBe(false);
      expect(JSON.stringify(hidden)).not.toContain('avatars/cipher');

      // Privately the owner still sees everything: the setting is only about showing it to others.
      const mine = await h.command('members').reply();
      expect(listed(mine)).toContain(h.pk.sample.own.privateMemberId);
      expect(footerOf(mine)).not.toContain(PrivateInfoNote);
    } finally {
      setShowPrivateInfo(true);
    }
  });

  it('keeps the note when the public owner view is paged or opened from its menu', async () => {
    const shown = await h.command('members', { public: true }).reply();
    const select = selectOf(shown);
    const opened = await h
      .dispatch(h.discord.select(select.custom_id, [h.pk.sample.own.privateMemberId], shown))
      .reply();
    expect(footerOf(opened)).toContain(PrivateInfoNote);
  });
});
