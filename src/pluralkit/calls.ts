import type { z } from 'zod';
import { tokenHash, tokenKind } from './auth.js';
import type { ResponseCache } from './cache.js';
import type { SystemDirectory } from './directory.js';
import { PluralKitInputError, type HttpMethod } from './errors.js';
import { entityTags, type Target } from './learning.js';
import type { Priority } from './request-queue.js';
import type { Invalidation } from './invalidation.js';
import type { Requester, RequestSpec } from './requester.js';
import type { Read } from './reads.js';
import { FrontSwitchSchema, type FrontSwitch } from './schemas.js';
import type { SharedReads } from './shared.js';
import { parseBody, type TransportSuccess } from './transport.js';

/** Per-call options. */
export interface CallOptions {
  /** The caller's PluralKit token (legacy or `pkapi:` key); without it, the public view. */
  token?: string | undefined;
  /** Interactive calls go before background ones. @defaultValue `'interactive'` (background for iterateSwitches) */
  priority?: Priority;
  /** Skip the cache (an identical request already in flight is still shared). */
  fresh?: boolean;
}

/** Writes need to say who is writing. */
export type WriteOptions = CallOptions & { token: string };

/**
 * The two flows every public method of the client ends in. A read: viewer → cache (or the request already in
 * flight) → requester (budget, send, retries) → parse → learn which systems the answer names. A write: the same
 * send, then the answer proves ownership and every cached answer about the system is dropped.
 */
export class Calls {
  constructor(
    private readonly cache: ResponseCache,
    private readonly directory: SystemDirectory,
    private readonly requester: Requester,
    private readonly invalidation: Invalidation,
    /** Other processes' fetches of the public view; `undefined` in a single process. */
    private readonly sharedReads: SharedReads | undefined,
  ) {}

  /** Runs `read` for the caller of `o`, through the cache. */
  async read<S extends z.ZodType>(o: CallOptions | undefined, read: Read<S>): Promise<z.output<S>> {
    const viewer = this.viewer(o);
    const at = { method: 'GET', route: read.route } as const;
    const tags = read.target.system === undefined ? [] : this.directory.tagsFor(read.target.system, viewer);
    const key = `${viewer ?? 'anon'} ${read.route}`;
    const spec: RequestSpec = {
      ...at,
      token: o?.token,
      viewer,
      target: read.target,
      write: false,
      priority: o?.priority ?? 'interactive',
    };
    const fetchAnswer = async () => {
      const response = await this.#send(key, spec);
      const value: z.output<S> =
        response.status === 204 && 'empty' in read ? read.empty : parseBody(read.schema, read.expected, response, at);
      return { value, systems: read.learn(this.directory, viewer, read.target, value) };
    };
    return this.cache.get(key, tags, fetchAnswer, o?.fresh ?? false);
  }

  /**
   * Sends a read; the public view goes through the deployment-wide single flight when there is one. Another
   * process's answer that started before an invalidation this process heard of is not trusted: fetched anew.
   */
  async #send(key: string, spec: RequestSpec): Promise<TransportSuccess> {
    const send = () => this.requester.request(spec);
    if (spec.viewer !== undefined || this.sharedReads === undefined) return send();
    const shared = await this.sharedReads.once(key, send);
    const trusted = shared.startedAt === undefined || shared.startedAt > this.invalidation.lastAt;
    return trusted ? shared.response : send();
  }

  /** Sends a switch write on `system`'s behalf; the answer is the switch (nothing for DELETE). */
  async write(o: WriteOptions, method: HttpMethod, route: string, system: string, body: unknown): Promise<FrontSwitch> {
    const viewer = this.viewer(o);
    if (viewer === undefined) throw new PluralKitInputError('token', 'a token: writes need one');
    const at = { method, route };
    const target: Target = { system };
    let memberSystems: string[] = [];
    try {
      const priority = o.priority ?? 'interactive';
      const response = await this.requester.request({
        ...at,
        token: o.token,
        viewer,
        target,
        write: true,
        body,
        priority,
      });
      if (method === 'DELETE') return undefined as never;
      const value = parseBody(FrontSwitchSchema, 'FrontSwitch', response, at);
      // Only the owner can write a system's switches, so this proves ownership.
      this.directory.learnOwnEntities(viewer, [value.id, ...value.members.flatMap((m) => [m.id, m.uuid])]);
      memberSystems = entityTags(value.members);
      return value;
    } finally {
      // Even a failed or timed-out write may have landed; never serve the old answer after it, in any process.
      this.invalidation.systems([system, ...memberSystems], viewer);
    }
  }

  /** The cache's name for the caller: a hash of the token, or `undefined` for the public view. */
  viewer(o: CallOptions | undefined): string | undefined {
    const token = o?.token;
    if (token === undefined) return undefined;
    if (typeof token !== 'string' || tokenKind(token) === null) {
      throw new PluralKitInputError('token', 'a 64-character PluralKit token or a pkapi: API key');
    }
    return tokenHash(token);
  }
}
