/**
 * Cuts Discord's 1.2 MB OpenAPI 3.1 spec down to the request bodies the stand-in validates, plus every
 * component schema they reference (transitively), and applies a few documented patches where the spec
 * disagrees with what Discord accepts from discord.js.
 *
 * The full spec ships next to it as `discord-openapi.json.gz` (Discord's MIT-licensed preview spec from
 * https://github.com/discord/discord-api-spec, `specs/openapi_preview.json`), so the freshness check always runs.
 * Regenerate `openapi-subset.json` after replacing that file (either way works; both write the same file):
 *   UPDATE_OPENAPI_SUBSET=1 npx vitest run stand-ins/discord/openapi-subset.test.ts
 *   npm run build && node dist/stand-ins/discord/extract-openapi.js [spec.json[.gz]]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The operations whose JSON request bodies the stand-in checks, keyed by Discord's operationId. */
export const VALIDATED_OPERATIONS = [
  {
    operationId: 'create_interaction_response',
    method: 'post',
    path: '/interactions/{interaction_id}/{interaction_token}/callback',
  },
  { operationId: 'execute_webhook', method: 'post', path: '/webhooks/{webhook_id}/{webhook_token}' },
  {
    operationId: 'update_original_webhook_message',
    method: 'patch',
    path: '/webhooks/{webhook_id}/{webhook_token}/messages/@original',
  },
  {
    operationId: 'update_webhook_message',
    method: 'patch',
    path: '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
  },
  { operationId: 'bulk_set_application_commands', method: 'put', path: '/applications/{application_id}/commands' },
  {
    operationId: 'bulk_set_guild_application_commands',
    method: 'put',
    path: '/applications/{application_id}/guilds/{guild_id}/commands',
  },
  { operationId: 'create_dm', method: 'post', path: '/users/@me/channels' },
  { operationId: 'create_message', method: 'post', path: '/channels/{channel_id}/messages' },
] as const;

/** Operation ids the subset contains. */
export type ValidatedOperationId = (typeof VALIDATED_OPERATIONS)[number]['operationId'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The committed subset: one request-body schema per operation and the component schemas they use. */
export interface OpenApiSubset {
  source: { openapi: string; version: string };
  patches: string[];
  operations: Record<ValidatedOperationId, { method: string; path: string; schema: Json }>;
  components: { schemas: Record<string, Json> };
}

/**
 * Where the spec is stricter than Discord. Each patch says why; `extractOpenApiSubset` fails loudly if the
 * schema it patches has changed shape, so a spec update cannot silently drop a patch.
 */
const PATCHES: { name: string; apply(schemas: Record<string, Json>): void }[] = [
  {
    name:
      'ApplicationCommandUpdateRequest.default_member_permissions also accepts a decimal string: discord.js sends ' +
      'the permission bitfield as a string (ApplicationCommandManager.transformCommand) and Discord documents it as "?string".',
    apply(schemas) {
      const command = schemas['ApplicationCommandUpdateRequest'] as JsonObject;
      const prop = (command['properties'] as JsonObject)['default_member_permissions'] as JsonObject;
      if (JSON.stringify(prop['type']) !== '["integer","null"]')
        throw new Error('default_member_permissions changed shape');
      prop['type'] = ['integer', 'string', 'null'];
      prop['pattern'] = '^[0-9]+$';
    },
  },
];

function collectRefs(node: Json, into: Set<string>, schemas: Record<string, Json>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into, schemas);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/components/schemas/', '');
      if (into.has(name)) continue;
      const schema = schemas[name];
      if (schema === undefined) throw new Error(`Unresolvable $ref ${value}`);
      into.add(name);
      collectRefs(schema, into, schemas);
    } else {
      collectRefs(value, into, schemas);
    }
  }
}

/** Extracts the request-body schemas of `VALIDATED_OPERATIONS` from the full spec and applies `PATCHES`. */
export function extractOpenApiSubset(spec: JsonObject): OpenApiSubset {
  const paths = spec['paths'] as Record<string, Record<string, JsonObject>>;
  const allSchemas = (spec['components'] as { schemas: Record<string, Json> }).schemas;
  const operations = {} as OpenApiSubset['operations'];
  const used = new Set<string>();
  for (const { operationId, method, path } of VALIDATED_OPERATIONS) {
    const operation = paths[path]?.[method];
    if (operation?.['operationId'] !== operationId) throw new Error(`Spec has no ${method} ${path} (${operationId})`);
    const content = (operation['requestBody'] as { content: Record<string, { schema: Json }> }).content;
    const schema = content['application/json']!.schema;
    collectRefs(schema, used, allSchemas);
    operations[operationId] = { method: method.toUpperCase(), path, schema };
  }
  const schemas: Record<string, Json> = {};
  for (const name of [...used].sort()) schemas[name] = structuredClone(allSchemas[name]!);
  for (const patch of PATCHES) patch.apply(schemas);
  const info = spec['info'] as { version: string };
  return {
    source: { openapi: spec['openapi'] as string, version: info.version },
    patches: PATCHES.map((p) => p.name),
    operations,
    components: { schemas },
  };
}

/** Where the committed subset lives, next to this file in the source tree. */
export const SUBSET_FILE = 'stand-ins/discord/openapi-subset.json';

/** The committed copy of Discord's full spec the subset is cut from. */
export const SPEC_FILE = 'stand-ins/discord/discord-openapi.json.gz';

/** Reads a spec file, gzipped (`.gz`) or plain JSON. */
export function readSpec(path: string = SPEC_FILE): JsonObject {
  const raw = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as JsonObject;
}

/** Serialises a subset exactly as it is committed (stable, diff-friendly). */
export function serialiseSubset(subset: OpenApiSubset): string {
  return `${JSON.stringify(subset, null, 1)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outPath = process.argv[3] ?? SUBSET_FILE;
  const subset = extractOpenApiSubset(readSpec(process.argv[2]));
  writeFileSync(outPath, serialiseSubset(subset));
  console.log(`Wrote ${Object.keys(subset.components.schemas).length} schemas to ${outPath}`);
}
