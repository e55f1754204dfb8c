import { describe, expect, it } from 'vitest';
import { renderFronters } from '../../src/render/fronters.js';
import { assertWithinDiscordLimits } from './limits-check.js';
import { makeMember, makeSystem, uuid } from './fixtures.js';

const now = new Date('2025-06-15T12:00:00Z');
const system = makeSystem({ name: 'The Stars', color: '00AAFF', avatar_url: 'https://cdn.example/sys.png' });
const alice = makeMember('aaaaa', 'Alice', {
  pronouns: 'she/her',
  color: 'FF0000',
  avatar_url: 'https://cdn.example/a.png',
});
const bob = makeMember('bbbbb', 'bob', { display_name: 'Bob *the* Builder', avatar_url: 'https://cdn.example/b.png' });
const since = { name: 'Since', value: '<t:1749981600:f> (<t:1749981600:R>)' };
const base = {
  author: { name: 'The Stars', icon_url: 'https://cdn.example/sys.png' },
  footer: { text: 'System ID: exmpl' },
  timestamp: '2025-06-15T12:00:00.000Z',
};

describe('renderFronters', () => {
  it('shows one fronter with pronouns, colour and avatar', () => {
    const message = renderFronters({ id: uuid(9), timestamp: '2025-06-15T10:00:00Z', members: [alice] }, system, now);
    expect(message).toEqual({
      embeds: [
        {
          ...base,
          title: 'Current fronter',
          description: '**Alice** (she/her)',
          fields: [since],
          color: 0xff0000,
          thumbnail: { url: 'https://cdn.example/a.png' },
        },
      ],
      components: [],
    });
  });

  it('lists several fronters by name with pronouns, no avatar links; colour falls back to the system when the first has none', () => {
    const carol = makeMember('ccccc', 'Carol', { avatar_url: 'https://cdn.example/c.png' });
    for (const order of [
      [bob, alice, carol],
      [carol, bob, alice],
      [alice, carol, bob],
    ]) {
      const message = renderFronters(
        { id: uuid(9), timestamp: '2025-06-15T10:00:00Z', members: order },
        makeSystem({ ...system, color: null }),
        now,
      );
      expect(message.embeds[0]).toEqual({
        ...base,
        title: 'Current fronters (3)',
        description: '**Alice** (she/her)\n**Bob \\*the\\* Builder**\n**Carol**',
        fields: [since],
        color: 0xff0000,
        thumbnail: { url: 'https://cdn.example/a.png' },
      });
    }
    const noColour = renderFronters(
      { id: uuid(9), timestamp: '2025-06-15T10:00:00Z', members: [carol, bob] },
      system,
      now,
    );
    expect(noColour.embeds[0]).toMatchObject({ color: 0x00aaff, thumbnail: { url: 'https://cdn.example/b.png' } });
  });

  it('shows the system id as its settings ask', () => {
    const message = renderFronters(null, makeSystem({ id: 'abcdef' }), now, { split: true, caps: false });
    expect(message.embeds[0]!.footer).toEqual({ text: 'System ID: abc-def' });
  });

  it('says clearly when the system switched out or never switched', () => {
    const out = renderFronters({ id: uuid(9), timestamp: '2025-06-15T10:00:00Z', members: [] }, makeSystem(), now);
    expect(out.embeds[0]).toEqual({
      author: { name: 'System exmpl' },
      title: 'No one is fronting',
      description: '*no fronter*: the system switched out.',
      fields: [since],
      footer: { text: 'System ID: exmpl' },
      timestamp: '2025-06-15T12:00:00.000Z',
    });
    const none = renderFronters(null, makeSystem(), now);
    expect(none.embeds[0]).toMatchObject({
      title: 'No switches yet',
      description: 'This system has not logged any switches yet.',
    });
    expect(none.embeds[0]!.fields).toBeUndefined();
  });

  it('keeps 150 co-fronters within the limits and says how many are not shown', () => {
    const members = Array.from({ length: 150 }, (_, i) =>
      makeMember(`m${String(i).padStart(4, '0')}`, `Member number ${i} with a longish name`, {
        pronouns: 'they/them',
        avatar_url: `https://cdn.example/${i}.png`,
      }),
    );
    const message = renderFronters({ id: uuid(9), timestamp: '2025-06-15T10:00:00Z', members }, system, now);
    assertWithinDiscordLimits(message);
    const description = message.embeds[0]!.description!;
    const shown = description.split('\n').length - 1;
    expect(description.endsWith(`(${150 - shown} more)`)).toBe(true);
    expect(shown).toBeGreaterThan(20);
    expect(message.embeds[0]!.title).toBe('Current fronters (150)');
  });
});
