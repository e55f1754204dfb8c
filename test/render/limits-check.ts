import { ComponentType } from 'discord-api-types/v10';
import type { RenderedMessage } from '../../src/render/message.js';

/*
 * Discord's limits, written out again on purpose rather than imported from src/render/limits.ts,
 * so a wrong constant there cannot hide a wrong message here.
 */
const limits = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  rows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  optionText: 100,
  placeholder: 150,
  customId: 100,
  buttonLabel: 80,
};

/** A rendered message, or a message as the Discord stand-in recorded it (any top-level components). */
export type CheckableMessage = Omit<RenderedMessage, 'components'> & { components: readonly unknown[] };

/** Every way `message` breaks a Discord limit or rule; empty when Discord would accept it. */
export function discordLimitViolations(checkable: CheckableMessage): string[] {
  const message = checkable as RenderedMessage;
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  check((message.content?.length ?? 0) <= limits.content, `content is ${message.content?.length} chars`);
  check(message.embeds.length <= limits.embeds, `${message.embeds.length} embeds`);
  let total = 0;
  message.embeds.forEach((embed, e) => {
    const at = `embed ${e}`;
    const title = embed.title?.length ?? 0;
    const description = embed.description?.length ?? 0;
    const footer = embed.footer?.text.length ?? 0;
    const author = embed.author?.name.length ?? 0;
    check(title <= limits.title, `${at} title is ${title} chars`);
    check(description <= limits.description, `${at} description is ${description} chars`);
    check(embed.description === undefined || description > 0, `${at} description is empty`);
    check(footer <= limits.footer, `${at} footer is ${footer} chars`);
    check(author <= limits.authorName, `${at} author name is ${author} chars`);
    check(
      embed.color === undefined || (Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff),
      `${at} colour ${embed.color}`,
    );
    const fields = embed.fields ?? [];
    check(fields.length <= limits.fields, `${at} has ${fields.length} fields`);
    total += title + description + footer + author;
    fields.forEach((field, f) => {
      check(
        field.name.length > 0 && field.name.length <= limits.fieldName,
        `${at} field ${f} name is ${field.name.length} chars`,
      );
      check(
        field.value.length > 0 && field.value.length <= limits.fieldValue,
        `${at} field ${f} value is ${field.value.length} chars`,
      );
      total += field.name.length + field.value.length;
    });
    check(
      embed.title !== undefined || embed.description !== undefined || fields.length > 0 || embed.image !== undefined,
      `${at} is empty`,
    );
  });
  check(total <= limits.embedTotal, `embeds total ${total} chars`);

  check(message.components.length <= limits.rows, `${message.components.length} action rows`);
  const ids = new Set<string>();
  message.components.forEach((row, r) => {
    const items = row.components;
    const selects = items.filter((c) => c.type !== ComponentType.Button);
    check(items.length > 0, `row ${r} is empty`);
    check(selects.length === 0 || items.length === 1, `row ${r} mixes a select with other components`);
    check(items.length <= limits.buttonsPerRow, `row ${r} has ${items.length} buttons`);
    for (const item of items) {
      if ('custom_id' in item) {
        check(
          item.custom_id.length > 0 && item.custom_id.length <= limits.customId,
          `custom id "${item.custom_id}" length`,
        );
        check(!ids.has(item.custom_id), `custom id "${item.custom_id}" repeats`);
        ids.add(item.custom_id);
      }
      if (item.type === ComponentType.Button && 'label' in item && item.label !== undefined) {
        check(item.label.length <= limits.buttonLabel, `button label "${item.label}" is too long`);
      }
      if (item.type === ComponentType.StringSelect) {
        check(
          item.options.length >= 1 && item.options.length <= limits.selectOptions,
          `select has ${item.options.length} options`,
        );
        check((item.placeholder?.length ?? 0) <= limits.placeholder, 'select placeholder too long');
        const values = new Set<string>();
        for (const option of item.options) {
          check(
            option.label.length > 0 && option.label.length <= limits.optionText,
            `option label "${option.label}" length`,
          );
          check(
            option.value.length > 0 && option.value.length <= limits.optionText,
            `option value "${option.value}" length`,
          );
          check(
            (option.description?.length ?? 0) <= limits.optionText,
            `option description "${option.description}" length`,
          );
          check(!values.has(option.value), `option value "${option.value}" repeats`);
          values.add(option.value);
        }
      }
    }
  });
  return problems;
}

/** Throws, listing every problem, when `message` breaks a Discord limit. */
export function assertWithinDiscordLimits(message: CheckableMessage): void {
  const problems = discordLimitViolations(message);
  if (problems.length > 0) throw new Error(`message breaks Discord limits:\n- ${problems.join('\n- ')}`);
}
