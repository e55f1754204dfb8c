/**
 * What an operator scraping `/metrics` sees after a scripted session: the real bot against both stand-ins,
 * with HEALTH_PORT set. The counters match what the session did, and no label holds a user, system, member or
 * interaction id. Every PluralKit request's log line carries the id of the interaction that caused it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness.js';
import { get, parseMetrics, total, type Sample } from './scrape.js';

describe('/metrics after a scripted session', () => {
  let h: Harness;
  let samples: Sample[];
  let ids: string[];
  const commandIds: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ env: { HEALTH_PORT: '0' } });
    const { alice, carol } = h.discord.users;
    await h.link(alice, h.pk.sample.own.token);
    for (const run of [
      () => h.command('fronters', {}),
      () => h.command('fronters', {}),
      () => h.command('fronters', { system: h.pk.sample.other.systemId }),
      () => h.command('fronters', {}, { user: carol }),
    ]) {
      const handle = run();
      commandIds.push(handle.id);
      await handle.reply();
    }
    const { status, text } = await get(h.bot.healthPort!, '/metrics');
    expect(status).toBe(200);
    samples = parseMetrics(text);
    ids = [
      ...[...h.pk.state.systems.values()].flatMap((system) => [system.id, system.uuid]),
      ...[...h.pk.state.members.values()].flatMap((member) => [member.id, member.uuid]),
      ...Object.values(h.discord.users).map((user) => user.id),
      ...commandIds,
    ];
  });
  afterAll(() => h.finish());

  it('counts interactions by command and outcome, and times every first response', () => {
    expect(total(samples, 'pkcompanion_interactions_total', { command: 'fronters', outcome: 'ok' })).toBe(3);
    // carol never linked: her own fronters are a user error, answered, not a bug.
    expect(total(samples, 'pkcompanion_interactions_total', { command: 'fronters', outcome: 'user_error' })).toBe(1);
    expect(total(samples, 'pkcompanion_interaction_first_response_seconds_count', { kind: 'command' })).toBe(4);
  });

  it('counts PluralKit requests by route template, status and bucket kind, and the cache', () => {
    const fronters = { route: '/systems/:ref/fronters', status: '200' };
    expect(total(samples, 'pkcompanion_pluralkit_requests_total', fronters)).toBeGreaterThanOrEqual(2);
    const buckets = new Set(
      samples.filter((s) => s.name === 'pkcompanion_pluralkit_requests_total').map((s) => s.labels.bucket),
    );
    expect([...buckets].every((bucket) => /^(shared|own):(read|write)$/.test(bucket ?? ''))).toBe(true);
    // The second /fronters of alice was served from the cache.
    expect(total(samples, 'pkcompanion_pluralkit_cache_lookups_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'pkcompanion_pluralkit_cache_lookups_total', { result: 'miss' })).toBeGreaterThanOrEqual(2);
    const sent = total(samples, 'pkcompanion_pluralkit_requests_total');
    expect(total(samples, 'pkcompanion_pluralkit_limiter_wait_seconds_count')).toBe(sent);
    expect(sent).toBe(h.pk.requests.length);
  });

  it('reports the limiter queue, live sessions, store errors and the process', () => {
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'pkcompanion_pluralkit_limiter_queue_depth',
      'pkcompanion_sessions_live',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
    ])
      expect(names, name).toContain(name);
    expect(total(samples, 'pkcompanion_pluralkit_limiter_queue_depth')).toBe(0);
    expect(total(samples, 'pkcompanion_store_errors_total')).toBe(0);
  });

  it('holds no user, system, member or interaction id in any label', () => {
    const values = samples.flatMap((s) => Object.values(s.labels));
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((value) => ids.some((id) => value.toLowerCase().includes(id.toLowerCase())))).toEqual([]);
    expect(values.filter((value) => /\d{6,}/.test(value))).toEqual([]);
    const routes = samples.flatMap((s) => (s.labels.route === undefined ? [] : [s.labels.route]));
    expect(
      routes.filter((route) => !/^(\/(systems|members|groups|switches|fronters|settings|messages|:ref))+$/.test(route)),
    ).toEqual([]);
  });

  it("logs every PluralKit request with the id of the interaction that caused it, and the route's template", () => {
    const requests = h.logs
      .map((line) => JSON.parse(line) as { msg: string; requestId?: string; route?: string })
      .filter((line) => line.msg === 'pluralkit request');
    const ofCommands = requests.filter((line) => line.requestId !== undefined && commandIds.includes(line.requestId));
    // alice's first /fronters and the other system's lookup went to PluralKit; the cached one did not.
    expect(new Set(ofCommands.map((line) => line.requestId)).size).toBeGreaterThanOrEqual(2);
    expect(ofCommands.every((line) => line.route?.includes(':ref'))).toBe(true);
  });
});
