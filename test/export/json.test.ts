import { describe, expect, it } from 'vitest';
import { exportJson } from '../../src/export/json.js';
import { sampleExport, trickyMembers } from './fixtures.js';

describe('exportJson', () => {
  const parsed = JSON.parse(exportJson(sampleExport())) as {
    system: unknown;
    range: unknown;
    exportedAt: string;
    stretches: { member: { id: string; uuid: string | null; name: string }; [key: string]: unknown }[];
  };

  it('holds the system, the range and the export time in ISO 8601 UTC', () => {
    expect(parsed.system).toEqual({ id: 'exsys', uuid: '55555555-5555-4555-8555-555555555555', name: 'Ex, Sys' });
    expect(parsed.range).toEqual({ start: '2025-06-01T00:00:00.000Z', end: '2025-06-02T12:00:00.000Z' });
    expect(parsed.exportedAt).toBe('2025-06-02T12:00:00.000Z');
  });

  it('has one object per stretch with the member id, uuid and name, and null for an unknown uuid', () => {
    expect(parsed.stretches.map((s) => s.member)).toEqual([
      ...trickyMembers.slice(0, 3).map((m) => ({ ...m })),
      { id: 'hidde', uuid: null, name: 'hidde' },
      { ...trickyMembers[3] },
    ]);
    expect(parsed.stretches[0]).toMatchObject({
      start: '2025-06-01T00:00:00.000Z',
      end: '2025-06-01T02:30:00.250Z',
      ongoing: false,
      durationSeconds: 9000,
    });
  });

  it('shows a stretch still going on as "end": null and "ongoing": true', () => {
    expect(parsed.stretches[4]).toMatchObject({ end: null, ongoing: true, durationSeconds: 27 * 3600 });
  });

  it('is valid JSON with an empty list when nobody fronted', () => {
    expect(JSON.parse(exportJson({ ...sampleExport(), stretches: [] })).stretches).toEqual([]);
  });
});
