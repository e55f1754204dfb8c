import type { ValidationIssue } from './validation-errors.js';
import { isObj, list, type Obj } from './json-shape.js';

/** Discord's documented name rule for chat-input commands and options (lowercase where a case exists). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUB_TYPES = new Set([1, 2]);

/**
 * Rules for bulk-overwriting application commands that the OpenAPI spec does not carry:
 * the chat-input name pattern and lowercase rule, a required 1–100 char description for chat-input
 * commands (the spec makes it nullable), unique names per command type and per option level, required
 * options before optional ones, no mixing of subcommands with plain options, and no `choices` together
 * with `autocomplete`.
 */
export function commandListIssues(body: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  list(body).forEach((command, i) => {
    if (!isObj(command)) return;
    const type = (command['type'] as number | undefined) ?? 1;
    const key = `${type}:${String(command['name'])}`;
    if (seen.has(key))
      issues.push({
        path: `${i}.name`,
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: `Application command names must be unique (${String(command['name'])})`,
      });
    seen.add(key);
    if (type === 1) {
      nameIssues(command, `${i}`, issues);
      const description = command['description'];
      if (typeof description !== 'string' || description.length === 0)
        issues.push({ path: `${i}.description`, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      optionIssues(list(command['options']), `${i}.options`, issues);
    }
  });
  return issues;
}

function nameIssues(item: Obj, path: string, issues: ValidationIssue[]): void {
  const name = item['name'];
  if (typeof name !== 'string' || !NAME.test(name)) {
    issues.push({ path: `${path}.name`, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  } else if (name !== name.toLowerCase()) {
    issues.push({
      path: `${path}.name`,
      code: 'APPLICATION_COMMAND_INVALID_NAME',
      message: 'Command name must be lowercase',
    });
  }
}

function optionIssues(options: unknown[], path: string, issues: ValidationIssue[]): void {
  const names = new Set<string>();
  let sawOptional = false;
  const kinds = new Set<boolean>();
  options.forEach((option, i) => {
    if (!isObj(option)) return;
    const at = `${path}.${i}`;
    nameIssues(option, at, issues);
    const name = String(option['name']);
    if (names.has(name))
      issues.push({
        path: `${at}.name`,
        code: 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS',
        message: `Option name ${name} is already used in these options`,
      });
    names.add(name);
    const isSub = SUB_TYPES.has(option['type'] as number);
    kinds.add(isSub);
    if (!isSub) {
      if (option['required'] === true && sawOptional) {
        issues.push({
          path: `${at}.required`,
          code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          message: 'Required options must be placed before non-required options',
        });
      }
      if (option['required'] !== true) sawOptional = true;
      if (option['autocomplete'] === true && list(option['choices']).length > 0) {
        issues.push({
          path: `${at}.autocomplete`,
          code: 'AUTOCOMPLETE_AND_CHOICES_ERROR',
          message: 'Autocomplete cannot be enabled on an option with choices',
        });
      }
    }
    optionIssues(list(option['options']), `${at}.options`, issues);
  });
  if (kinds.size > 1)
    issues.push({
      path,
      code: 'APPLICATION_COMMAND_OPTION_TYPE_MIXED',
      message: 'Subcommands and subcommand groups cannot be mixed with other option types',
    });
}
