import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/features/reminder-book.js';
import { embedsLength } from '../../src/render/limits.js';
import { renderReminderDm, renderReminderList } from '../../src/render/reminders.js';

const reminder = (i: number, note: string, memberName = 'Ash'): Reminder => ({
  id: `id${String(i).padStart(3, '0')}`,
  memberUuid: `uuid-${memberName}`,
  memberName,
  note,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
});

describe('renderReminderDm', () => {
  it('puts every note in one message when they fit, names escaped and notes as written', () => {
    expect(renderReminderDm([{ name: 'A*b', notes: ['**bold** note', 'two\nlines'] }])).toEqual([
      '🔔 **A\\*b** switched in:\n• **bold** note\n• two\nlines',
    ]);
  });

  it("continues in further messages past Discord's 2,000 characters, never cutting a note", () => {
    const notes = Array.from({ length: 25 }, (_, i) => `${i} ${'word '.repeat(199)}`.trim());
    const messages = renderReminderDm([{ name: 'Kai', notes }]);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(2000);
      expect(message.startsWith('🔔 **Kai** switched in:\n• ')).toBe(true);
    }
    const sent = messages.flatMap((message) =>
      message
        .split('\n')
        .slice(1)
        .map((line) => line.slice(2)),
    );
    expect(sent).toEqual(notes);
  });
});

describe('renderReminderList', () => {
  it('fits 25 notes of 1,000 characters in one embed, cutting each to an equal share', () => {
    const listed = Array.from({ length: 25 }, (_, i) => ({
      reminder: reminder(i, `Note ${i}: ${'long text '.repeat(99)}`, i % 2 === 0 ? 'Ash' : 'Gone'),
      currentName: i % 2 === 0 ? 'Ash' : undefined,
    }));
    const view = renderReminderList(listed, 25);
    const description = view.embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(embedsLength(view.embeds)).toBeLessThanOrEqual(6000);
    expect(description).not.toMatch(/more\)$/);
    for (let i = 0; i < 25; i++) expect(description).toContain(`\`id${String(i).padStart(3, '0')}\` Note ${i}:`);
    expect(description.split('\n').filter((line) => line.startsWith('**'))).toEqual([
      '**Ash**',
      '**Gone** (no longer in your system)',
    ]);
  });
});
