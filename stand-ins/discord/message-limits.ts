import type { ValidationIssue } from './validation-errors.js';

/** `MessageFlags.IsComponentsV2`: the message is built from layout components instead of content/embeds. */
const IS_COMPONENTS_V2 = 1 << 15;
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);

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

function componentIssues(components: unknown[], v2: boolean, at: (p: string) => string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!v2 && components.length > 5)
    issues.push({ path: at('components'), code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  const customIds = new Map<string, string>();
  let count = 0;
  const visit = (component: unknown, path: string): void => {
    if (!isObj(component)) return;
    count += 1;
    const type = component['type'];
    const customId = component['custom_id'];
    if (typeof customId === 'string') {
      if (customIds.has(customId))
        issues.push({
          path: at(`${path}.custom_id`),
          code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
          message: `Component custom id cannot be duplicated (also at ${customIds.get(customId)})`,
        });
      else customIds.set(customId, path);
    }
    if (type === 2) buttonIssues(component, path, at, issues);
    if (type === 3) issues.push(...stringSelectIssues(component, at(path)));
    if (type === 1) {
      const children = list(component['components']);
      if (children.length > 1 && children.some((c) => isObj(c) && SELECT_TYPES.has(c['type'] as number))) {
        issues.push({
          path: at(`${path}.components`),
          code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
          message: 'The specified component exceeds the maximum width',
        });
      }
    } else if (!v2 && path.split('.').length === 2) {
      issues.push({
        path: at(`${path}.type`),
        code: 'COMPONENT_TYPE_INVALID',
        message: 'Top-level components must be action rows unless the message has the IS_COMPONENTS_V2 flag',
      });
    }
    list(component['components']).forEach((child, i) => visit(child, `${path}.components.${i}`));
    if (isObj(component['accessory'])) visit(component['accessory'], `${path}.accessory`);
  };
  components.forEach((c, i) => visit(c, `components.${i}`));
  if (v2 && count > 40)
    issues.push({
      path: at('components'),
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be 40 or fewer in total (got ${count}).`,
    });
  return issues;
}

function buttonIssues(button: Obj, path: string, at: (p: string) => string, issues: ValidationIssue[]): void {
  const style = button['style'];
  if (style === 5) {
    if (typeof button['url'] !== 'string')
      issues.push({ path: at(`${path}.url`), code: 'BASE_TYPE_REQUIRED', message: 'A link button requires a url' });
    if (button['custom_id'] != null)
      issues.push({
        path: at(`${path}.custom_id`),
        code: 'COMPONENT_INVALID_FIELD',
        message: 'A link button cannot have a custom_id',
      });
  } else if (style !== 6 && typeof button['custom_id'] !== 'string') {
    issues.push({ path: at(`${path}.custom_id`), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
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

/**
 * A string select's options and counts must agree: unique option values, `min_values` ≤ `max_values` ≤ the
 * number of options, and no more options marked `default` than `max_values` (Discord's component reference).
 */
export function stringSelectIssues(select: Obj, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const options = list(select['options']).filter(isObj);
  const values = options.map((o) => o['value']);
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i)
      issues.push({
        path: `${path}.options.${i}.value`,
        code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED',
        message: `Select component option values must be unique (${String(value)})`,
      });
  });
  const min = typeof select['min_values'] === 'number' ? select['min_values'] : 1;
  const max = typeof select['max_values'] === 'number' ? select['max_values'] : 1;
  if (min > max)
    issues.push({
      path: `${path}.min_values`,
      code: 'SELECT_COMPONENT_MIN_VALUES_GREATER_THAN_MAX',
      message: `min_values (${min}) cannot be greater than max_values (${max})`,
    });
  if (max > options.length)
    issues.push({
      path: `${path}.max_values`,
      code: 'BASE_TYPE_MAX',
      message: `max_values (${max}) cannot exceed the number of options (${options.length})`,
    });
  const defaults = options.filter((o) => o['default'] === true).length;
  if (defaults > max)
    issues.push({
      path: `${path}.options`,
      code: 'SELECT_COMPONENT_TOO_MANY_DEFAULTS',
      message: `${defaults} options are default, more than max_values (${max})`,
    });
  return issues;
}

/** Limits of a modal that the spec states differently: 1–5 top-level components (spec: 40), unique custom ids. */
export function modalLimitIssues(data: unknown): ValidationIssue[] {
  if (!isObj(data)) return [];
  const issues: ValidationIssue[] = [];
  const components = list(data['components']);
  if (components.length > 5)
    issues.push({ path: 'data.components', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  const seen = new Set<unknown>();
  components.forEach((row, r) => {
    const inner = isObj(row) ? [...list(row['components']), row['component']] : [];
    inner.forEach((c, i) => {
      if (!isObj(c) || typeof c['custom_id'] !== 'string') return;
      if (seen.has(c['custom_id']))
        issues.push({
          path: `data.components.${r}.components.${i}.custom_id`,
          code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
          message: 'Component custom id cannot be duplicated',
        });
      seen.add(c['custom_id']);
    });
  });
  return issues;
}
