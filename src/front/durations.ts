/** When a switch started, when it ended and whether it is still going on. */
export interface SwitchTiming {
  start: Date;
  end: Date;
  durationMs: number;
  /** True for the latest switch, which lasts until now. */
  ongoing: boolean;
}

/**
 * Attaches to each switch (given newest first) how long it lasted: until the next newer switch, and for
 * the newest one until `now`, or until `newer` when the list is a later page of the history and `newer`
 * is the switch just before it. Durations never go negative, even when clocks disagree.
 */
export function withDurations<S extends { timestamp: string }>(
  switches: readonly S[],
  now: Date,
  newer?: { timestamp: string },
): (S & SwitchTiming)[] {
  let endMs = newer === undefined ? now.getTime() : Date.parse(newer.timestamp);
  let ongoing = newer === undefined;
  return switches.map((sw) => {
    const startMs = Date.parse(sw.timestamp);
    const timed = {
      ...sw,
      start: new Date(startMs),
      end: new Date(Math.max(endMs, startMs)),
      durationMs: Math.max(0, endMs - startMs),
      ongoing,
    };
    endMs = startMs;
    ongoing = false;
    return timed;
  });
}
