import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { ValidatedOperationId } from './extract-openapi.js';
import { commandListIssues } from './command-limits.js';
import { isEmptyMessage, messageLimitIssues, modalLimitIssues } from './message-limits.js';
import subset from './openapi-subset.json' with { type: 'json' };
import { issuesFromAjv, toDiscordErrorTree, type ValidationIssue } from './validation-errors.js';

const SUBSET_ID = 'https://stand-in.invalid/discord-openapi-subset.json';

/** A body Discord would refuse: the HTTP answer to send and the issues to record. */
export interface BodyRejection {
  status: 400 | 413;
  response: { code: number; message: string; errors?: object };
  issues: ValidationIssue[];
}

/**
 * The spec uses formats ajv does not know. Numeric formats (int32, int64, double) and `nonce` are ranges or
 * free-form ids the schemas already bound with minimum/maximum/maxLength, so they are accepted as-is. `uri`,
 * `date-time` and `snowflake` are checked, because a malformed embed URL or timestamp is exactly the kind of
 * mistake Discord rejects with 50035 and we want to catch offline.
 */
function createAjv(): Ajv2020 {
  // strict: false because the spec mixes annotations (x-discord-union) and union types in ways strict mode
  // flags as authoring mistakes; they are harmless for validation. allErrors so one run reports everything.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  const anything = (): boolean => true;
  for (const format of ['int32', 'int64', 'double', 'nonce']) ajv.addFormat(format, anything);
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
  ajv.addFormat('uri', (value: string) => /^(https?|attachment):\/\/\S+$/.test(value) && URL.canParse(value));
  ajv.addFormat(
    'date-time',
    (value: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
  );
  ajv.addSchema({ ...subset, $id: SUBSET_ID });
  return ajv;
}

let shared: BodyValidator | undefined;

/** One validator per process: every stand-in in a test worker reuses the compiled schemas. */
export function sharedBodyValidator(): BodyValidator {
  shared ??= new BodyValidator();
  return shared;
}

/** Validates request bodies against Discord's OpenAPI schemas plus the limits the spec does not express. */
export class BodyValidator {
  readonly #ajv = createAjv();
  readonly #compiled = new Map<string, ValidateFunction>();

  /**
   * Compiles every schema up front. Compiling the callback union takes a few hundred ms; done lazily it would
   * land inside the first interaction's response window and skew `atMs`.
   */
  constructor() {
    for (const operation of Object.keys(subset.operations)) this.#validator(`/operations/${operation}/schema`);
    for (const branch of (subset.operations.create_interaction_response.schema as { anyOf: { $ref: string }[] })
      .anyOf) {
      this.#validator(branch.$ref.slice(1));
    }
  }

  #validator(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (validate === undefined) {
      validate = this.#ajv.compile({ $ref: `${SUBSET_ID}#${pointer}` });
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }

  #schemaIssues(pointer: string, body: unknown): ValidationIssue[] {
    const validate = this.#validator(pointer);
    return validate(body) ? [] : issuesFromAjv(validate.errors ?? []);
  }

  /**
   * The callback body is a union keyed by `type`; validating against the one branch whose `type` enum
   * matches gives precise errors instead of seven branches' worth of failures.
   */
  #callbackIssues(body: unknown): ValidationIssue[] {
    const type = (body as { type?: unknown } | null)?.type;
    const branches = (subset.operations.create_interaction_response.schema as { anyOf: { $ref: string }[] }).anyOf;
    const schemas = subset.components.schemas as Record<string, { properties?: { type?: { enum?: unknown[] } } }>;
    const branch = branches.find((b) => schemas[b.$ref.split('/').pop()!]?.properties?.type?.enum?.includes(type));
    if (branch === undefined)
      return [
        {
          path: 'type',
          code: 'BASE_TYPE_CHOICES',
          message: `Value must be one of the interaction callback types (got ${JSON.stringify(type)}).`,
        },
      ];
    return this.#schemaIssues(branch.$ref.slice(1), body);
  }

  /** Checks `body` for `operation`; returns null when Discord would accept it. */
  check(operation: ValidatedOperationId, body: unknown, fileCount = 0): BodyRejection | null {
    const issues =
      operation === 'create_interaction_response'
        ? this.#callbackIssues(body)
        : this.#schemaIssues(`/operations/${operation}/schema`, body);
    const callback = body as { type?: number; data?: unknown } | null;
    switch (operation) {
      case 'create_interaction_response':
        if (callback?.type === 4 || callback?.type === 7) issues.push(...messageLimitIssues(callback.data, 'data'));
        if (callback?.type === 9) issues.push(...modalLimitIssues(callback.data));
        break;
      case 'bulk_set_application_commands':
      case 'bulk_set_guild_application_commands':
        issues.push(...commandListIssues(body));
        break;
      case 'create_dm':
        break;
      default:
        issues.push(...messageLimitIssues(body));
    }
    if (issues.length > 0)
      return {
        status: 400,
        response: { code: 50035, message: 'Invalid Form Body', errors: toDiscordErrorTree(issues) },
        issues,
      };
    const creates = operation === 'execute_webhook' || operation === 'create_message';
    if (
      (creates && isEmptyMessage(body, fileCount)) ||
      (callback?.type === 4 && operation === 'create_interaction_response' && isEmptyMessage(callback.data, fileCount))
    ) {
      return {
        status: 400,
        response: { code: 50006, message: 'Cannot send an empty message' },
        issues: [{ path: '', code: '50006', message: 'Cannot send an empty message' }],
      };
    }
    return null;
  }
}
