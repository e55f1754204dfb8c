import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import type { InvalidationBus, InvalidationListener } from '../pluralkit/shared.js';
import type { SharedRedis } from './connection.js';

/** The pub/sub channel every process of a deployment publishes cache invalidations on. */
export const InvalidationChannel = 'pk-companion:cache-invalidate';

/** A message names at most this many systems; each name is a short id, uuid or `@me:<hash>`. */
const MaxNames = 100;
const MaxNameLength = 100;

/**
 * Cache invalidations through Redis pub/sub: `{ from, systems }` on {@link InvalidationChannel}, heard by every
 * process on its own subscriber connection (a subscribed connection can run nothing else). A process ignores
 * its own messages. While Redis is away, invalidation is local only (one warning per outage); once the
 * subscriber is back (node-redis resubscribes by itself), the listener forgets its whole cache, since it may
 * have missed messages meanwhile.
 */
export class RedisInvalidationBus implements InvalidationBus {
  readonly #id = randomUUID();
  readonly #subscriber: SharedRedis;
  #listener: InvalidationListener | undefined;
  #subscribed = false;
  /** The subscriber was disconnected: messages may have been missed. */
  #deaf = false;
  /** The outage has been warned about. */
  #warned = false;
  #closed = false;

  constructor(
    private readonly redis: SharedRedis,
    private readonly log: Logger,
  ) {
    this.#subscriber = redis.duplicate();
    this.#subscriber.on('error', () => this.#lost(true));
    this.#subscriber.on('ready', () => void this.#ready());
    this.#subscriber.connect().catch(() => this.#lost(true));
  }

  publish(names: readonly string[]): void {
    const message = JSON.stringify({ from: this.#id, systems: names.slice(0, MaxNames) });
    this.redis.publish(InvalidationChannel, message).then(
      () => (this.#warned = this.#deaf && this.#warned),
      () => this.#lost(false),
    );
  }

  listen(listener: InvalidationListener): void {
    this.#listener = listener;
  }

  /** Closes the subscriber connection (the shared client belongs to whoever opened it). */
  close(): Promise<void> {
    this.#closed = true;
    if (this.#subscriber.isOpen) this.#subscriber.destroy();
    return Promise.resolve();
  }

  async #ready(): Promise<void> {
    if (!this.#subscribed) {
      try {
        await this.#subscriber.subscribe(InvalidationChannel, (message) => this.#heard(message));
        this.#subscribed = true;
      } catch {
        this.#lost(true);
        return;
      }
    }
    this.#warned = false;
    if (!this.#deaf) return;
    this.#deaf = false;
    this.log.info('cache invalidation shared across processes again');
    this.#listener?.missed();
  }

  #heard(message: string): void {
    const systems = parseMessage(message, this.#id);
    if (systems !== undefined && systems.length > 0) this.#listener?.systems(systems);
  }

  #lost(subscriber: boolean): void {
    if (this.#closed) return;
    if (subscriber) this.#deaf = true;
    if (this.#warned) return;
    this.#warned = true;
    this.log.warn('shared Redis unreachable: cache invalidation is local to this process until it is back');
  }
}

/** The systems a message names, or `undefined` for one of ours or one that is not ours to trust. */
function parseMessage(message: string, ownId: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { from, systems } = parsed as { from?: unknown; systems?: unknown };
  if (from === ownId || !Array.isArray(systems)) return undefined;
  return systems
    .slice(0, MaxNames)
    .filter((name): name is string => typeof name === 'string' && name.length > 0 && name.length <= MaxNameLength);
}
