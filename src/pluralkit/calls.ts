import type { z } from 'zod';
import { tokenHash, tokenKind } from './auth.js';
import type { ResponseCache } from './cache.js';
import type { SystemDirectory } from './directory.js';
import { PluralKitInputError, type HttpMethod } from './errors.js';
import { entityTags, type Target } from './learning.js';
import type { Priority } from './request-queue.js';
import type { Requester } from './requester.js';
import type { Read } from './reads.js';
import { FrontSwitchSchema, type FrontSwitch } from './schemas.js';
import { parseBody } from './transport.js';

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
  ) {}

  /** Runs `read` for the caller of `o`, through the cache. */
  async read<S extends z.ZodType>(o: CallOptions | undefined, read: Read<S>): Promise<z.output<S>> {
    const viewer = this.viewer(o);
    const at = { method: 'GET', route: read.route } as const;
    const tags = read.target.system === undefined ? [] : this.directory.tagsFor(read.target.system, viewer);
    const fetchAnswer = async () => {
      const response = await this.requester.request({
        ...at,
        token: o?.token,
        viewer,
        target: read.target,
        write: false,
        priority: o?.priority ?? 'interactive',
      });
      const value: z.output<S> =
        response.status === 204 && 'empty' in read ? read.empty : parseBody(read.schema, read.expected, response, at);
      return { value, systems: read.learn(this.directory, viewer, read.target, value) };
    };
    return this.cache.get(`${viewer ?? 'anon'} ${read.route}`, tags, fetchAnswer, o?.fresh ?? false);
  }

  /** Sends a switch write on `system`'s behalf; the answer is the switch (nothing for DELETE). */
  async write(o: WriteOptions, method: HttpMethod, route: string, system: string, body: unknown): Promise<FrontSwitch> {
    const viewer = this.viewer(o);
    if (viewer === undefined) throw new PluralKitInputError('token', 'a token: writes need one');
    const at = { method, route };
    const target: Target = { system };
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
      this.cache.invalidate(entityTags(value.members));
      return value;
    } finally {
      // Even a failed or timed-out write may have landed; never serve the old answer after it.
      this.cache.invalidate(this.directory.everyTagOf(system, viewer));
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
