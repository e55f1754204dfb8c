import { componentIssues } from './component-limits.js';
import { isObj, len, list, type Obj } from './json-shape.js';
import type { ValidationIssue } from './validation-errors.js';

export { modalLimitIssues, stringSelectIssues } from './component-limits.js';

/** `MessageFlags.IsComponentsV2`: the message is built from layout components instead of content/embeds. */
const IS_COMPONENTS_V2 = 1 << 15;

/**
 * Discord's message limits that its OpenAPI spec does not express (or expresses differently), checked
 * explicitly. Discrepancies with the spec, found while writing this:
 * - content: the spec says 4000 for create_message (that is the Nitro-user limit); bots get 2000.
 * - components: the spec allows 40 top-level items; without the Components V2 flag Discord allows 5 action rows.
 * - the 6000-character total over all embeds of a message is not in the spec at all.
 * - embed field name/value have no minLength in the spec, but Discord rejects empty ones. Discord trims every
 *   embed string first, so whitespace-only text is empty too, and an embed with nothing visible is refused.
 * - a select menu must be alone in its action row; custom_ids must be unique per message; a link button
 *   needs `url` and no `custom_id`, other buttons need `custom_id`. None of this is in the spec.
 */
export function messageLimitIssues(body: unknown, prefix = ''): ValidationIssue[] {
  if (!isObj(body)) return [];
  const issues: ValidationIssue[] = [];
  const at = (path: string): string => [prefix, path].filter(Boolean).join('.');
  if (len(body['content']) > 2000)
    issues.push({ path: at('content'), code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' });
  issues.push(...embedIssues(list(body['embeds']), at));
  issues.push(...allowedMentionIssues(body['allowed_mentions'], at));
  const v2 = typeof body['flags'] === 'number' && (body['flags'] & IS_COMPONENTS_V2) !== 0;
  issues.push(...componentIssues(list(body['components']), v2, at));
  if (v2 && ((typeof body['content'] === 'string' && body['content'] !== '') || list(body['embeds']).length > 0)) {
    issues.push({
      path: at('content'),
      code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      message: "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    });
  }
  return issues;
}

/** `parse: ["users"]` together with a `users` list (or the same for roles) is refused: the two are mutually exclusive. */
function allowedMentionIssues(mentions: unknown, at: (p: string) => string): ValidationIssue[] {
  if (!isObj(mentions)) return [];
  const parse = list(mentions['parse']);
  return (['users', 'roles'] as const)
    .filter((kind) => parse.includes(kind) && list(mentions[kind]).length > 0)
    .map((kind) => ({
      path: at('allowed_mentions'),
      code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
      message: `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`,
    }));
}

/** Discord trims every embed string before it checks it, so lengths and "required" are about the trimmed text. */
const trimmed = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
const tlen = (v: unknown): number => len(trimmed(v));
const VISIBLE_EMBED_PARTS = [
  'title',
  'description',
  'url',
  'timestamp',
  'fields',
  'image',
  'thumbnail',
  'video',
  'author',
  'footer',
  'provider',
];

function isEmptyEmbed(embed: Obj): boolean {
  return VISIBLE_EMBED_PARTS.every((key) => {
    const value = embed[key];
    if (value == null) return true;
    if (typeof value === 'string') return value.trim() === '';
    if (Array.isArray(value)) return value.length === 0;
    return false;
  });
}

function embedIssues(embeds: unknown[], at: (p: string) => string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const required = (path: string): void => {
    issues.push({ path: at(path), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  };
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isObj(embed)) return;
    if (isEmptyEmbed(embed)) required(`embeds.${i}.description`);
    else if (typeof embed['description'] === 'string' && trimmed(embed['description']) === '')
      required(`embeds.${i}.description`);
    total += tlen(embed['title']) + tlen(embed['description']);
    if (isObj(embed['footer'])) total += tlen(embed['footer']['text']);
    if (isObj(embed['author'])) total += tlen(embed['author']['name']);
    list(embed['fields']).forEach((field, f) => {
      if (!isObj(field)) return;
      total += tlen(field['name']) + tlen(field['value']);
      for (const key of ['name', 'value']) {
        if (typeof field[key] === 'string' && trimmed(field[key]) === '') required(`embeds.${i}.fields.${f}.${key}`);
      }
    });
  });
  if (total > 6000)
    issues.push({
      path: at('embeds'),
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: `Embed size exceeds maximum size of 6000 (got ${total})`,
    });
  return issues;
}

/** Whether a new message body would be empty, which Discord answers with 50006 "Cannot send an empty message". */
export function isEmptyMessage(body: unknown, fileCount: number): boolean {
  if (fileCount > 0) return false;
  if (!isObj(body)) return true;
  const content = body['content'];
  return (
    (typeof content !== 'string' || content.trim() === '') &&
    list(body['embeds']).length === 0 &&
    list(body['components']).length === 0 &&
    list(body['sticker_ids']).length === 0 &&
    list(body['attachments']).length === 0 &&
    body['poll'] == null
  );
}
