import type { Switch } from '../pluralkit/index.js';

/** The most switches PluralKit returns per page. */
export const PluralKitSwitchPage = 100;

/** Fetches the PluralKit page of switches strictly before `before` (newest first); `undefined` is the newest page. */
export type SwitchPageFetcher = (before: Date | undefined) => Promise<Switch[]>;

/**
 * The part of a system's front history loaded so far: newest first and contiguous from the latest switch,
 * so each switch's duration can always be read from the one before it, even across PluralKit pages.
 */
export interface LoadedHistory {
  switches: Switch[];
  /** True once the oldest switch is loaded (a PluralKit page came back short). */
  complete: boolean;
}

/** An empty history; nothing is fetched until {@link loadThrough} asks for it. */
export function emptyHistory(): LoadedHistory {
  return { switches: [], complete: false };
}

/**
 * Fetches older PluralKit pages until at least `count` switches are loaded or the history is complete.
 * Pages are asked for with `before` = the oldest loaded timestamp; a switch seen twice (a timestamp
 * rounded to the millisecond can repeat the boundary switch) is kept once.
 * @returns whether anything new was fetched.
 */
export async function loadThrough(
  history: LoadedHistory,
  count: number,
  fetchPage: SwitchPageFetcher,
): Promise<boolean> {
  let fetched = false;
  while (!history.complete && history.switches.length < count) {
    const oldest = history.switches.at(-1);
    const page = await fetchPage(oldest === undefined ? undefined : new Date(oldest.timestamp));
    fetched = true;
    const known = new Set(history.switches.slice(-PluralKitSwitchPage).map((sw) => sw.id));
    const fresh = page.filter((sw) => !known.has(sw.id));
    history.switches.push(...fresh);
    if (page.length < PluralKitSwitchPage || fresh.length === 0) history.complete = true;
  }
  return fetched;
}

/** Loads the whole remaining history (for "jump to the oldest"). */
export function loadAll(history: LoadedHistory, fetchPage: SwitchPageFetcher): Promise<boolean> {
  return loadThrough(history, Number.POSITIVE_INFINITY, fetchPage);
}

/**
 * Fetches older PluralKit pages, one at a time, until the switch in force at `startMs` is loaded (the
 * first one at or before it) or the history is complete; `undefined` loads everything. Stops early,
 * returning false, once more than `maxSwitches` are loaded. `onPage` hears the count after every page.
 */
export async function loadBackTo(
  history: LoadedHistory,
  startMs: number | undefined,
  fetchPage: SwitchPageFetcher,
  {
    maxSwitches = Number.POSITIVE_INFINITY,
    onPage,
  }: { maxSwitches?: number; onPage?: (loaded: number) => Promise<void> } = {},
): Promise<boolean> {
  const reachedStart = (): boolean => {
    const oldest = history.switches.at(-1);
    return startMs !== undefined && oldest !== undefined && Date.parse(oldest.timestamp) <= startMs;
  };
  while (!history.complete && !reachedStart()) {
    await loadThrough(history, history.switches.length + 1, fetchPage);
    await onPage?.(history.switches.length);
    if (history.switches.length > maxSwitches) return false;
  }
  return true;
}

/** Where a switch sits: its index, the newer switch after it and the older one before it (when loaded). */
export interface SwitchPlace {
  index: number;
  switch: Switch;
  newer: Switch | undefined;
  older: Switch | undefined;
}

/**
 * Finds a loaded switch and its neighbours, loading one more page when it is the oldest loaded switch so
 * its older neighbour is known. `undefined` when the switch is not in the history.
 */
export async function placeOf(
  history: LoadedHistory,
  switchId: string,
  fetchPage: SwitchPageFetcher,
): Promise<SwitchPlace | undefined> {
  const index = history.switches.findIndex((sw) => sw.id === switchId);
  if (index < 0) return undefined;
  await loadThrough(history, index + 2, fetchPage);
  return {
    index,
    switch: history.switches[index]!,
    newer: history.switches[index - 1],
    older: history.switches[index + 1],
  };
}
