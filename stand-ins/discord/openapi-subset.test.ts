import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractOpenApiSubset, readSpec, serialiseSubset, SUBSET_FILE } from './extract-openapi.js';

describe('openapi-subset.json', () => {
  // The spec it is cut from is committed (discord-openapi.json.gz), so this check never skips.
  it('matches what extract-openapi.ts produces from the committed full spec', () => {
    const fresh = serialiseSubset(extractOpenApiSubset(readSpec()));
    if (process.env['UPDATE_OPENAPI_SUBSET'] === '1') writeFileSync(SUBSET_FILE, fresh);
    expect(readFileSync(SUBSET_FILE, 'utf8')).toBe(fresh);
  });
});
