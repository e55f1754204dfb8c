import type { FrontExport } from '../../src/export/index.js';
import type { FrontStretch } from '../../src/front/stretches.js';

/** A fixed export time: 2025-06-02 12:00 UTC. */
export const exportedAt = new Date('2025-06-02T12:00:00.000Z');

const stretch = (memberId: string, start: string, end: string, ongoing = false): FrontStretch => ({
  memberId,
  startMs: Date.parse(start),
  endMs: Date.parse(end),
  ongoing,
  fromSwitchId: `00000000-0000-4000-8000-${String(Date.parse(start) / 1000).padStart(12, '0')}`,
});

/** Names that break naive writers: separators, quotes, formulas, CJK, emoji, a line break. */
export const trickyMembers = [
  { id: 'aaaaa', uuid: '11111111-1111-4111-8111-111111111111', name: 'Ren, "the Brave"; \\ok' },
  { id: 'bbbbb', uuid: '22222222-2222-4222-8222-222222222222', name: '=cmd|calc' },
  {
    id: 'ccccc',
    uuid: '33333333-3333-4333-8333-333333333333',
    name: '桜の花びらがひらひらと舞い落ちる春の日の午後に 🌸🌸🏳️‍🌈',
  },
  { id: 'ddddd', uuid: '44444444-4444-4444-8444-444444444444', name: 'two\nlines' },
] as const;

/** A small export: four members, one hidden member (no name known), one stretch still going on. */
export function sampleExport(): FrontExport {
  return {
    system: { id: 'exsys', uuid: '55555555-5555-4555-8555-555555555555', name: 'Ex, Sys' },
    range: { start: new Date('2025-06-01T00:00:00.000Z'), end: exportedAt },
    exportedAt,
    members: new Map(trickyMembers.map((m) => [m.id, { ...m }])),
    stretches: [
      stretch('aaaaa', '2025-06-01T00:00:00.000Z', '2025-06-01T02:30:00.250Z'),
      stretch('bbbbb', '2025-06-01T01:00:00.000Z', '2025-06-01T03:00:00.000Z'),
      stretch('ccccc', '2025-06-01T03:00:00.000Z', '2025-06-01T09:00:00.000Z'),
      stretch('hidde', '2025-06-01T04:00:00.000Z', '2025-06-01T05:00:00.000Z'),
      stretch('ddddd', '2025-06-01T09:00:00.000Z', '2025-06-02T12:00:00.000Z', true),
    ],
  };
}
