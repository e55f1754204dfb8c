import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractOpenApiSubset, serialiseSubset, SUBSET_FILE } from './extract-openapi.js';

const SPEC = process.env['DISCORD_OPENAPI_SPEC'] ?? '/work/shared/discord-openapi.json';

describe('openapi-subset.json', () => {
  it.skipIf(!existsSync(SPEC))('matches what extract-openapi.ts produces from the full spec', () => {
    const fresh = serialiseSubset(extractOpenApiSubset(JSON.parse(readFileSync(SPEC, 'utf8'))));
    if (process.env['UPDATE_OPENAPI_SUBSET'] === '1') writeFileSync(SUBSET_FILE, fresh);
    expect(readFileSync(SUBSET_FILE, 'utf8')).toBe(fresh);
  });
});
