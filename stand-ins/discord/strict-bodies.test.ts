import { describe, expect, it } from 'vitest';
import { BodyValidator } from './body-validation.js';

const validator = new BodyValidator();
const paths = (operation: 'execute_webhook' | 'create_interaction_response', body: unknown): string[] =>
  validator.check(operation, body)?.issues.map((i) => `${i.path} ${i.message}`) ?? [];
const option = (value: string, extra: object = {}) => ({ label: value, value, ...extra });
const select = (extra: object) => ({
  components: [{ type: 1, components: [{ type: 3, custom_id: 's', options: [option('a'), option('b')], ...extra }] }],
});

describe('embeds are checked after trimming, as Discord does', () => {
  it('refuses an empty embed and whitespace-only descriptions, field names and values', () => {
    expect(paths('execute_webhook', { embeds: [{ color: 1 }] })).toEqual([
      'embeds.0.description This field is required',
    ]);
    expect(paths('execute_webhook', { embeds: [{ title: 't', description: ' \n ' }] })).toEqual([
      'embeds.0.description This field is required',
    ]);
    expect(paths('execute_webhook', { embeds: [{ title: 't', fields: [{ name: '  ', value: '\u0020' }] }] })).toEqual([
      'embeds.0.fields.0.name This field is required',
      'embeds.0.fields.0.value This field is required',
    ]);
  });

  it('counts the 6000-character total on trimmed text', () => {
    const padded = { description: `${'d'.repeat(3000)}${' '.repeat(500)}` };
    expect(validator.check('execute_webhook', { embeds: [padded, padded] })).toBeNull();
  });
});

describe('selects and modals', () => {
  it('refuses duplicate option values and inconsistent min_values / max_values / defaults', () => {
    expect(
      paths('execute_webhook', {
        components: [{ type: 1, components: [{ type: 3, custom_id: 's', options: [option('a'), option('a')] }] }],
      }),
    ).toEqual(['components.0.components.0.options.1.value Select component option values must be unique (a)']);
    expect(paths('execute_webhook', select({ min_values: 2, max_values: 1 }))).toEqual([
      'components.0.components.0.min_values min_values (2) cannot be greater than max_values (1)',
    ]);
    expect(paths('execute_webhook', select({ max_values: 3 }))).toEqual([
      'components.0.components.0.max_values max_values (3) cannot exceed the number of options (2)',
    ]);
    expect(
      paths('execute_webhook', select({ options: [option('a', { default: true }), option('b', { default: true })] })),
    ).toEqual(['components.0.components.0.options 2 options are default, more than max_values (1)']);
    expect(
      validator.check(
        'execute_webhook',
        select({ min_values: 1, max_values: 2, options: [option('a', { default: true }), option('b')] }),
      ),
    ).toBeNull();
  });

  it('refuses a modal with duplicate input ids, no components, or a title over 45', () => {
    const input = (id: string) => ({ type: 1, components: [{ type: 4, custom_id: id, style: 1, label: 'L' }] });
    expect(
      paths('create_interaction_response', {
        type: 9,
        data: { custom_id: 'm', title: 'T', components: [input('a'), input('a')] },
      }),
    ).toEqual(['data.components.1.components.0.custom_id Component custom id cannot be duplicated']);
    expect(
      paths('create_interaction_response', { type: 9, data: { custom_id: 'm', title: 'T', components: [] } }),
    ).toEqual(['data.components Must be 1 or more in length.']);
    expect(
      paths('create_interaction_response', {
        type: 9,
        data: { custom_id: 'm', title: 'x'.repeat(46), components: [input('a')] },
      }),
    ).toEqual(['data.title Must be 45 or fewer in length.']);
  });
});
