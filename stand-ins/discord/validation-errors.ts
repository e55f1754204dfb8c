import type { ErrorObject } from 'ajv';

/** One reason a body was rejected, with a dotted path into the body (`embeds.0.fields`). */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

/** Discord's nested `errors` object of a 50035 response: `{embeds: {0: {title: {_errors: [...]}}}}`. */
export type DiscordErrorTree = { [key: string]: DiscordErrorTree | { code: string; message: string }[] };

function toIssue(error: ErrorObject): ValidationIssue {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') segments.push(String(params['missingProperty']));
  const path = segments.join('.');
  switch (error.keyword) {
    case 'maxLength':
    case 'maxItems':
      return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${String(params['limit'])} or fewer in length.` };
    case 'minLength':
    case 'minItems':
      return { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${String(params['limit'])} or more in length.` };
    case 'required':
      return { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
    case 'enum':
    case 'const':
      return {
        path,
        code: 'BASE_TYPE_CHOICES',
        message: `Value must be one of ${JSON.stringify(params['allowedValues'] ?? params['allowedValue'])}.`,
      };
    case 'maximum':
      return {
        path,
        code: 'NUMBER_TYPE_MAX',
        message: `Value should be less than or equal to ${String(params['limit'])}.`,
      };
    case 'minimum':
      return {
        path,
        code: 'NUMBER_TYPE_MIN',
        message: `Value should be greater than or equal to ${String(params['limit'])}.`,
      };
    case 'format':
      return {
        path,
        code: params['format'] === 'uri' ? 'URL_TYPE_INVALID_URL' : 'BASE_TYPE_BAD_FORMAT',
        message: `Not a valid ${String(params['format'])}.`,
      };
    default:
      return { path, code: `SCHEMA_${error.keyword.toUpperCase()}`, message: error.message ?? error.keyword };
  }
}

/**
 * Keeps the errors a human needs. A failed `oneOf`/`anyOf` makes ajv report every branch: "must be null",
 * "type must be one of [2]" for the branches that were never meant to match, and the union summary. Those
 * are dropped whenever a more specific error exists, so a bad embed title reads as one line, not twelve.
 */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const isNoise = (e: ErrorObject): boolean =>
    e.keyword === 'oneOf' ||
    e.keyword === 'anyOf' ||
    e.keyword === 'if' ||
    (e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null') ||
    ((e.keyword === 'enum' || e.keyword === 'const') && e.instancePath.endsWith('/type'));
  const specific = errors.filter((e) => !isNoise(e));
  return specific.length > 0 ? specific : errors;
}

/** Converts ajv errors to issues (deduplicated, noise removed). */
export function issuesFromAjv(errors: ErrorObject[]): ValidationIssue[] {
  const seen = new Set<string>();
  return mostSpecific(errors)
    .map(toIssue)
    .filter((issue) => {
      const key = `${issue.path}|${issue.code}|${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Folds issues into Discord's error tree; issues at the body root go under `_errors` at the top. */
export function toDiscordErrorTree(issues: ValidationIssue[]): DiscordErrorTree {
  const tree: DiscordErrorTree = {};
  for (const issue of issues) {
    let node = tree;
    for (const segment of issue.path === '' ? [] : issue.path.split('.')) {
      const next = node[segment];
      node = next === undefined || Array.isArray(next) ? (node[segment] = {}) : next;
    }
    const list = node['_errors'];
    if (Array.isArray(list)) list.push({ code: issue.code, message: issue.message });
    else node['_errors'] = [{ code: issue.code, message: issue.message }];
  }
  return tree;
}
