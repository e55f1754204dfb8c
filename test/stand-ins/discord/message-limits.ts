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
 * - embed field name/value have no minLength in the spec, but Discord rejects empty ones.
 * - a select menu must be alone in its action row; custom_ids must be unique per message; a link button
 *   needs `url` and no `custom_id`, other buttons need `custom_id`. None of this is in the spec.
 */
export function messageLimitIssues(body: unknown, prefix = ''): ValidationIssue[] {
  if (!isObj(body)) return [];
  const issues: ValidationIssue[] = [];
  const at = (path: string): string => [prefix, path].filter(Boolean).join('.');
  if (len(body['content']) > 2000) issues.push({ path: at('content'), code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' });
  issues.push(...embedIssues(list(body['embeds']), at));
  const v2 = typeof body['flags'] === 'number' && (body['flags'] & IS_COMPONENTS_V2) !== 0;
  issues.push(...componentIssues(list(body['components']), v2, at));
  if (v2 && ((typeof body['content'] === 'string' && body['content'] !== '') || list(body['embeds']).length > 0)) {
    issues.push({ path: at('content'), code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', message: 'The \'content\' and \'embeds\' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2' });
  }
  return issues;
}

function embedIssues(embeds: unknown[], at: (p: string) => string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isObj(embed)) return;
    total += len(embed['title']) + len(embed['description']);
    if (isObj(embed['footer'])) total += len(embed['footer']['text']);
    if (isObj(embed['author'])) total += len(embed['author']['name']);
    list(embed['fields']).forEach((field, f) => {
      if (!isObj(field)) return;
      total += len(field['name']) + len(field['value']);
      for (const key of ['name', 'value']) {
        if (field[key] === '') issues.push({ path: at(`embeds.${i}.fields.${f}.${key}`), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      }
    });
  });
  if (total > 6000) issues.push({ path: at('embeds'), code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of 6000 (got ${total})` });
  return issues;
}

function componentIssues(components: unknown[], v2: boolean, at: (p: string) => string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!v2 && components.length > 5) issues.push({ path: at('components'), code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  const customIds = new Map<string, string>();
  let count = 0;
  const visit = (component: unknown, path: string): void => {
    if (!isObj(component)) return;
    count += 1;
    const type = component['type'];
    const customId = component['custom_id'];
    if (typeof customId === 'string') {
      if (customIds.has(customId)) issues.push({ path: at(`${path}.custom_id`), code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: `Component custom id cannot be duplicated (also at ${customIds.get(customId)})` });
      else customIds.set(customId, path);
    }
    if (type === 2) buttonIssues(component, path, at, issues);
    if (type === 1) {
      const children = list(component['components']);
      if (children.length > 1 && children.some((c) => isObj(c) && SELECT_TYPES.has(c['type'] as number))) {
        issues.push({ path: at(`${path}.components`), code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
      }
    } else if (!v2 && path.split('.').length === 2) {
      issues.push({ path: at(`${path}.type`), code: 'COMPONENT_TYPE_INVALID', message: 'Top-level components must be action rows unless the message has the IS_COMPONENTS_V2 flag' });
    }
    list(component['components']).forEach((child, i) => visit(child, `${path}.components.${i}`));
    if (isObj(component['accessory'])) visit(component['accessory'], `${path}.accessory`);
  };
  components.forEach((c, i) => visit(c, `components.${i}`));
  if (v2 && count > 40) issues.push({ path: at('components'), code: 'BASE_TYPE_MAX_LENGTH', message: `Must be 40 or fewer in total (got ${count}).` });
  return issues;
}

function buttonIssues(button: Obj, path: string, at: (p: string) => string, issues: ValidationIssue[]): void {
  const style = button['style'];
  if (style === 5) {
    if (typeof button['url'] !== 'string') issues.push({ path: at(`${path}.url`), code: 'BASE_TYPE_REQUIRED', message: 'A link button requires a url' });
    if (button['custom_id'] != null) issues.push({ path: at(`${path}.custom_id`), code: 'COMPONENT_INVALID_FIELD', message: 'A link button cannot have a custom_id' });
  } else if (style !== 6 && typeof button['custom_id'] !== 'string') {
    issues.push({ path: at(`${path}.custom_id`), code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
}

/** Whether a new message body would be empty, which Discord answers with 50006 "Cannot send an empty message". */
export function isEmptyMessage(body: unknown, fileCount: number): boolean {
  if (fileCount > 0) return false;
  if (!isObj(body)) return true;
  const content = body['content'];
  return (typeof content !== 'string' || content.trim() === '')
    && list(body['embeds']).length === 0 && list(body['components']).length === 0
    && list(body['sticker_ids']).length === 0 && list(body['attachments']).length === 0 && body['poll'] == null;
}

/** Limits of a modal that the spec states differently: Discord allows 1–5 top-level components (spec: 40). */
export function modalLimitIssues(data: unknown): ValidationIssue[] {
  if (!isObj(data) || list(data['components']).length <= 5) return [];
  return [{ path: 'data.components', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' }];
}
