import type { ResponseCache } from './cache.js';
import type { SystemDirectory } from './directory.js';
import type { InvalidationBus } from './shared.js';

const mePrefix = '@me:';

/**
 * Drops a system's cached answers here and, through the bus when there is one, in every other process. The
 * message names the system by short id and uuid whenever this process knows them, since cache tags are per
 * viewer and per process; only a `@me` the process has not yet resolved goes as `@me:<token hash>` (a
 * one-way hash, see `auth.ts`). Receivers expand each name to every tag *they* know for that system.
 */
export class Invalidation {
  #lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly cache: ResponseCache,
    private readonly directory: SystemDirectory,
    private readonly bus: InvalidationBus | undefined,
  ) {
    bus?.listen({
      systems: (names) => this.#drop(names.flatMap((name) => this.#tagsOf(name))),
      missed: () => {
        this.#lastAt = Date.now();
        this.cache.clear();
      },
    });
  }

  /** When anything was last invalidated here (epoch ms): answers fetched before then may be stale. */
  get lastAt(): number {
    return this.#lastAt;
  }

  /** Drops every cached answer about these systems (refs as sent by `viewer`) here and everywhere. */
  systems(refs: readonly string[], viewer?: string): void {
    const names = new Set<string>();
    const tags: string[] = [];
    for (const ref of refs) {
      tags.push(...this.directory.everyTagOf(ref, viewer));
      const known = this.directory.tagsFor(ref, viewer).filter((tag) => !tag.startsWith(mePrefix));
      // tagsFor('@me') is `@me:<viewer>` first, then the id and uuid once known.
      for (const name of known.length > 0 ? known : this.directory.tagsFor(ref, viewer)) names.add(name);
    }
    this.#drop(tags);
    if (names.size > 0) this.bus?.publish([...names]);
  }

  #tagsOf(name: string): string[] {
    if (name.startsWith(mePrefix)) return this.directory.everyTagOf('@me', name.slice(mePrefix.length));
    return this.directory.everyTagOf(name);
  }

  #drop(tags: readonly string[]): void {
    this.#lastAt = Date.now();
    this.cache.invalidate(tags);
  }
}
