import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SettingsStore } from '../settings/store.js';
import type { TokenVault } from '../vault/index.js';

/** The path PluralKit posts to, under `PUBLIC_URL`; the hook id follows it. */
export const DispatchPathPrefix = '/pluralkit/dispatch/';

const sealedSchema = z.object({ v: z.literal(1), kid: z.string(), iv: z.string(), tag: z.string(), data: z.string() });

/** One linked system's dispatch hook, as kept in the settings store (`live:hook:<id>`). */
const hookSchema = z.object({
  userId: z.string(),
  systemUuid: z.string(),
  systemId: z.string(),
  /** The signing token PluralKit showed, sealed; absent until the user pasted it. */
  signing: sealedSchema.optional(),
  createdAt: z.string(),
  lastEventAt: z.string().optional(),
});

/** A hook as stored (the signing token stays sealed). */
export type LiveHook = z.infer<typeof hookSchema> & { readonly id: string };

const userSchema = z.object({ hookId: z.string() });
/** A hook id: 128 random bits, URL-safe. */
const hookIdPattern = /^[A-Za-z0-9_-]{22}$/;

const hookKey = (id: string) => `live:hook:${id}`;
const userKey = (userId: string) => `live:user:${userId}`;
const associatedData = (id: string) => `pk-companion:live-hook:${id}`;
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** How often the time of the last event is written, per hook and process: a flood costs no flood of writes. */
const LastEventWriteEveryMs = 5_000;

/**
 * Users' PluralKit dispatch hooks: a random, unguessable id per linked system (the end of the URL PluralKit
 * posts to) and the signing token it showed, sealed with the vault's keys. Kept in the settings store, so every
 * process sees the same hooks.
 */
export class LiveHooks {
  readonly #lastWritten = new Map<string, number>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly vault: TokenVault,
    /** `PUBLIC_URL`; undefined when the operator has not enabled live events. */
    readonly publicUrl: string | undefined,
  ) {}

  /** The URL PluralKit posts to for hook `id`. @throws {Error} without `PUBLIC_URL` */
  urlOf(id: string): string {
    if (this.publicUrl === undefined) throw new Error('PUBLIC_URL is not configured');
    return `${this.publicUrl}${DispatchPathPrefix}${id}`;
  }

  /** Starts a new hook for the user's system, replacing any earlier one (whose URL then stops working). */
  async prepare(userId: string, system: { id: string; uuid: string }): Promise<LiveHook> {
    await this.forget(userId);
    const hook: LiveHook = {
      id: randomBytes(16).toString('base64url'),
      userId,
      systemUuid: system.uuid,
      systemId: system.id,
      createdAt: new Date().toISOString(),
    };
    const { id, ...stored } = hook;
    await this.settings.set(hookKey(id), stored);
    await this.settings.set(userKey(userId), { hookId: id });
    return hook;
  }

  /** Keeps the signing token of the user's hook, sealed. @returns the hook, or undefined when there is none. */
  async saveSigningToken(userId: string, signingToken: string): Promise<LiveHook | undefined> {
    const hook = await this.forUser(userId);
    if (hook === undefined) return undefined;
    const updated = { ...hook, signing: this.vault.secrets.seal(signingToken, associatedData(hook.id)) };
    await this.#write(updated);
    return updated;
  }

  /** The user's hook, if any. */
  async forUser(userId: string): Promise<LiveHook | undefined> {
    const pointer = await this.settings.get(userKey(userId), userSchema);
    return pointer === undefined ? undefined : this.byId(pointer.hookId);
  }

  /** The hook with this id, if any; an id that cannot be one is not looked up. */
  async byId(id: string): Promise<LiveHook | undefined> {
    if (!hookIdPattern.test(id)) return undefined;
    const stored = await this.settings.get(hookKey(id), hookSchema);
    return stored === undefined ? undefined : { ...stored, id };
  }

  /** Whether `presented` is the hook's signing token, compared in constant time; false before one was pasted. */
  verify(hook: LiveHook, presented: string): boolean {
    if (hook.signing === undefined) return false;
    let expected: string;
    try {
      expected = this.vault.secrets.open(hook.signing, associatedData(hook.id));
    } catch {
      return false;
    }
    return timingSafeEqual(digest(expected), digest(presented));
  }

  /** Notes that an event arrived (written at most every few seconds per hook and process). */
  async markEvent(hook: LiveHook, at: Date): Promise<void> {
    const last = this.#lastWritten.get(hook.id) ?? 0;
    if (at.getTime() - last < LastEventWriteEveryMs) return;
    this.#lastWritten.set(hook.id, at.getTime());
    const current = await this.byId(hook.id);
    if (current !== undefined) await this.#write({ ...current, lastEventAt: at.toISOString() });
  }

  /** Forgets the user's hook. @returns whether there was one. */
  async forget(userId: string): Promise<boolean> {
    const pointer = await this.settings.get(userKey(userId), userSchema);
    if (pointer === undefined) return false;
    await this.settings.delete(hookKey(pointer.hookId));
    await this.settings.delete(userKey(userId));
    this.#lastWritten.delete(pointer.hookId);
    return true;
  }

  async #write(hook: LiveHook): Promise<void> {
    const { id, ...stored } = hook;
    await this.settings.set(hookKey(id), stored);
  }
}
