import { isObj, list, type Obj } from './json-shape.js';
import type { ValidationIssue } from './validation-errors.js';

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

/** Action rows, buttons and selects of a message: Discord's layout rules (see messageLimitIssues). */
export function componentIssues(components: unknown[], v2: boolean, at: (p: string) => string): ValidationIssue[] {
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
