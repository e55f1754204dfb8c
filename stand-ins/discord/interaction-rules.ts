import { ApplicationCommandOptionType, type APIInteraction } from 'discord-api-types/v10';
import { isObj, type Obj } from './json-shape.js';
import type { BodyRejection } from './body-validation.js';
import { applyMessageEdit, EPHEMERAL, type MessageState } from './messages.js';
import { isEmptyMessage, messageLimitIssues } from './message-limits.js';
import type { ValidationIssue } from './validation-errors.js';
import { toDiscordErrorTree } from './validation-errors.js';

/** The option the user is typing into, found at any depth (subcommands nest their options). */
function focusedOption(options: unknown): { type: number } | undefined {
  if (!Array.isArray(options)) return undefined;
  for (const option of options as (Obj & { type: number })[]) {
    if (option['focused'] === true) return option;
    const nested = focusedOption(option['options']);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Autocomplete choices must be of the focused option's type, and a string choice's value is at most 100
 * characters (Discord's choice structure), although the OpenAPI spec allows 6000.
 */
export function autocompleteIssues(payload: APIInteraction, data: unknown): ValidationIssue[] {
  const focused = focusedOption(isObj(payload.data) ? payload.data['options'] : undefined);
  const choices = isObj(data) && Array.isArray(data['choices']) ? (data['choices'] as unknown[]) : [];
  if (focused === undefined) return [];
  const issues: ValidationIssue[] = [];
  choices.forEach((choice, i) => {
    const value = isObj(choice) ? choice['value'] : undefined;
    const path = `data.choices.${i}.value`;
    if (focused.type === Number(ApplicationCommandOptionType.String)) {
      if (typeof value !== 'string')
        issues.push({
          path,
          code: 'STRING_TYPE_CONVERT',
          message: `Value ${JSON.stringify(value)} is not a string (the focused option is a string).`,
        });
      else if ([...value].length > 100)
        issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    } else if (focused.type === Number(ApplicationCommandOptionType.Integer) && !Number.isInteger(value)) {
      issues.push({ path, code: 'NUMBER_TYPE_COERCE', message: `Value ${JSON.stringify(value)} is not int.` });
    } else if (focused.type === Number(ApplicationCommandOptionType.Number) && typeof value !== 'number') {
      issues.push({
        path,
        code: 'NUMBER_TYPE_COERCE',
        message: `Value ${JSON.stringify(value)} is not a valid number.`,
      });
    }
  });
  return issues;
}

/** A deferred reply (type 5) may carry only the EPHEMERAL flag (receiving-and-responding, "Messages"). */
export function deferralIssues(body: unknown): ValidationIssue[] {
  const flags = isObj(body) && isObj(body['data']) ? body['data']['flags'] : undefined;
  if (typeof flags !== 'number' || (flags & ~EPHEMERAL) === 0) return [];
  return [
    {
      path: 'data.flags',
      code: 'INTERACTION_DEFERRED_FLAGS_INVALID',
      message: 'A deferred response may only set the EPHEMERAL flag.',
    },
  ];
}

/** The message an edit would leave behind, as a create body, so it can be checked like a new message. */
function mergedBody(message: MessageState, edit: unknown, fileCount: number): { body: Obj; files: number } {
  const copy = structuredClone(message);
  applyMessageEdit(copy, isObj(edit) ? edit : null, [], () => '0');
  return {
    body: {
      content: copy.content,
      embeds: copy.embeds,
      components: copy.components,
      flags: copy.flags,
      attachments: copy.attachments,
    },
    files: fileCount + copy.attachments.length,
  };
}

/**
 * Discord validates an edit as the message it produces: an edit that leaves nothing is 50006, and limits
 * apply to the merged message (for example the Components V2 flag next to content kept from before).
 */
export function mergedEditRejection(message: MessageState, edit: unknown, fileCount: number): BodyRejection | null {
  const merged = mergedBody(message, edit, fileCount);
  const issues = messageLimitIssues(merged.body);
  if (issues.length > 0)
    return {
      status: 400,
      response: { code: 50035, message: 'Invalid Form Body', errors: toDiscordErrorTree(issues) },
      issues,
    };
  if (isEmptyMessage(merged.body, merged.files)) {
    return {
      status: 400,
      response: { code: 50006, message: 'Cannot send an empty message' },
      issues: [{ path: '', code: '50006', message: 'Cannot send an empty message (after this edit)' }],
    };
  }
  return null;
}

/** Wraps issues found with the interaction in view as Discord's 50035. */
export function rejectionOf(issues: ValidationIssue[]): BodyRejection | null {
  return issues.length === 0
    ? null
    : {
        status: 400,
        response: { code: 50035, message: 'Invalid Form Body', errors: toDiscordErrorTree(issues) },
        issues,
      };
}
