/** The property test's own checks can fail: a ping, a token-shaped body and a piece of a token are caught. */
import { describe, expect, it } from 'vitest';
import { secretMatcher } from '../log-scan/scan.js';
import { pings, requestProblems } from './property-checks.js';
import type { RecordedRequest } from '../../stand-ins/discord/index.js';

const request = (body: unknown): RecordedRequest => ({
  method: 'POST',
  path: '/api/v10/interactions/1/t/callback',
  route: 'interactionCallback',
  query: {},
  body,
  files: [],
  headers: {},
  status: 204,
  response: null,
  responseHeaders: {},
  at: 0,
});

describe('property-test checks', () => {
  it('calls a mention a ping unless allowed_mentions parses nothing and lists no one', () => {
    expect(pings({ content: 'hi <@123>' })).toBe(true);
    expect(pings({ type: 4, data: { content: '@everyone', allowed_mentions: { parse: ['everyone'] } } })).toBe(true);
    expect(pings({ components: [{ type: 10, content: '<@&5>' }], allowed_mentions: { parse: [], roles: ['5'] } })).toBe(
      true,
    );
    expect(pings({ type: 4, data: { content: 'hi <@123>', allowed_mentions: { parse: [] } } })).toBe(false);
    expect(pings({ content: 'no mention here' })).toBe(false);
  });

  it('finds token-shaped text and pieces of a generated token in bodies', () => {
    const token = 'A'.repeat(20) + 'b'.repeat(24) + 'C'.repeat(20);
    const holds = secretMatcher([token]);
    expect(requestProblems([request({ content: `echo ${token}` })], holds)).toEqual([
      'POST interactionCallback: token-shaped text in the body',
    ]);
    expect(requestProblems([request({ content: `part ${token.slice(10, 40)}` })], holds)).toEqual([
      'POST interactionCallback: part of a generated token in the body',
    ]);
    expect(requestProblems([request({ content: 'fine' })], holds)).toEqual([]);
  });
});
