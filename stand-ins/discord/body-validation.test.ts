import { describe, expect, it } from 'vitest';
import { BodyValidator } from './body-validation.js';

const validator = new BodyValidator();
const field = (n: number) => ({ name: `field ${n}`, value: 'v' });

describe('BodyValidator', () => {
  it('accepts the reply discord.js sends for an ephemeral embed', () => {
    const body = {
      type: 4,
      data: {
        content: 'hi',
        embeds: [{ title: 'System', fields: [field(1)], color: 0x5865f2 }],
        flags: 64,
        components: [],
      },
    };
    expect(validator.check('create_interaction_response', body)).toBeNull();
  });

  it('rejects 26 embed fields and a 300-char title with 50035 and Discord-style paths', () => {
    const body = {
      type: 4,
      data: { embeds: [{ title: 'x'.repeat(300), fields: Array.from({ length: 26 }, (_, i) => field(i)) }] },
    };
    const rejection = validator.check('create_interaction_response', body);
    expect(rejection?.response.code).toBe(50035);
    expect(rejection?.issues.map((i) => i.path).sort()).toEqual(['data.embeds.0.fields', 'data.embeds.0.title']);
    expect(rejection?.response.errors).toMatchObject({
      data: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });
  });

  it('enforces limits the spec lacks: 6000 total embed chars, 2000 content on create_message, 5 rows', () => {
    const embeds = [0, 1].map(() => ({ description: 'd'.repeat(3500) }));
    expect(validator.check('execute_webhook', { embeds })?.issues[0]?.code).toBe('MAX_EMBED_SIZE_EXCEEDED');
    expect(validator.check('create_message', { content: 'c'.repeat(2001) })?.issues[0]?.path).toBe('content');
    const row = (i: number) => ({ type: 1, components: [{ type: 2, style: 1, label: 'b', custom_id: `b${i}` }] });
    expect(
      validator.check('update_original_webhook_message', { components: [0, 1, 2, 3, 4, 5].map(row) })?.issues[0]?.path,
    ).toBe('components');
  });

  it('rejects duplicate custom_ids, a select sharing its row, and an empty message', () => {
    const button = { type: 2, style: 1, label: 'a', custom_id: 'same' };
    expect(
      validator.check('create_message', { components: [{ type: 1, components: [button, button] }] })?.issues[0]?.code,
    ).toBe('COMPONENT_CUSTOM_ID_DUPLICATED');
    const select = { type: 3, custom_id: 'pick', options: [{ label: 'a', value: 'a' }] };
    expect(
      validator.check('create_message', {
        components: [{ type: 1, components: [select, { ...button, custom_id: 'x' }] }],
      })?.issues[0]?.code,
    ).toBe('COMPONENT_LAYOUT_WIDTH_EXCEEDED');
    expect(validator.check('execute_webhook', { content: '' })?.response.code).toBe(50006);
  });

  it('checks command lists: names, required-before-optional, string permissions accepted', () => {
    const ok = [
      {
        name: 'front',
        description: 'Show fronters',
        default_member_permissions: '8',
        options: [{ type: 3, name: 'member', description: 'm', required: true }],
      },
    ];
    expect(validator.check('bulk_set_application_commands', ok)).toBeNull();
    const bad = [
      {
        name: 'Front',
        description: 'x',
        options: [
          { type: 3, name: 'a', description: 'a' },
          { type: 3, name: 'b', description: 'b', required: true },
        ],
      },
    ];
    expect(validator.check('bulk_set_application_commands', bad)?.issues.map((i) => i.code)).toEqual([
      'APPLICATION_COMMAND_INVALID_NAME',
      'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
    ]);
  });

  it('rejects an unknown callback type and a modal without title', () => {
    expect(validator.check('create_interaction_response', { type: 42 })?.issues[0]?.path).toBe('type');
    const modal = {
      type: 9,
      data: {
        custom_id: 'm',
        components: [{ type: 1, components: [{ type: 4, custom_id: 't', style: 1, label: 'Token' }] }],
      },
    };
    expect(validator.check('create_interaction_response', modal)?.issues).toEqual([
      { path: 'data.title', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
    ]);
  });

  it('rejects a malformed embed url', () => {
    expect(validator.check('execute_webhook', { embeds: [{ title: 't', url: 'not a url' }] })?.issues[0]).toMatchObject(
      { path: 'embeds.0.url', code: 'URL_TYPE_INVALID_URL' },
    );
  });
});
