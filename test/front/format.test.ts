import { describe, expect, it } from 'vitest';
import { discordTimestamp, formatDuration, formatRelative, formatShortId } from '../../src/front/format.js';

describe('formatDuration', () => {
  it('shows the two largest units like PluralKit', () => {
    const s = 1000,
      m = 60 * s,
      h = 60 * m,
      d = 24 * h;
    expect(formatDuration(3 * d + 4 * h + 5 * m)).toBe('3d 4h');
    expect(formatDuration(5 * h + 3 * m + 59 * s)).toBe('5h 3m');
    expect(formatDuration(4 * m + 12 * s + 999)).toBe('4m 12s');
    expect(formatDuration(12 * s)).toBe('12s');
  });
  it('leaves out a zero second unit and never goes negative', () => {
    expect(formatDuration(2 * 86_400_000 + 59_000)).toBe('2d');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(400)).toBe('0s');
    expect(formatDuration(-5000)).toBe('0s');
  });
});

describe('discordTimestamp', () => {
  it('writes Discord timestamp tags in whole seconds', () => {
    expect(discordTimestamp(new Date('2025-06-15T12:00:00.900Z'), 'R')).toBe('<t:1749988800:R>');
    expect(discordTimestamp('2025-06-15T12:00:00Z')).toBe('<t:1749988800:f>');
  });
});

describe('formatRelative', () => {
  it('says how long ago in plain text', () => {
    const now = new Date('2025-06-15T12:00:00Z');
    expect(formatRelative(new Date('2025-06-15T08:58:00Z'), now)).toBe('3h 2m ago');
    expect(formatRelative(new Date('2025-06-15T12:05:00Z'), now)).toBe('in 5m');
    expect(formatRelative(now, now)).toBe('just now');
  });
});

describe('formatShortId', () => {
  it('follows the split and caps display settings', () => {
    expect(formatShortId('abcdef')).toBe('abcdef');
    expect(formatShortId('abcdef', { split: true })).toBe('abc-def');
    expect(formatShortId('abcdef', { split: true, caps: true })).toBe('ABC-DEF');
    expect(formatShortId('abcde', { split: true })).toBe('abcde');
  });
});
