/** The shape every bench section returns, and the small statistics the sections share. */

/** One line of the bench table. */
export interface BenchRow {
  /** e.g. `1 limiter`. */
  section: string;
  metric: string;
  /** The measurement as shown (numbers are rounded for the table; `raw` keeps them exact). */
  value: string;
  /** The goal for this metric, or `''` when the row is context only. */
  goal: string;
  /** Whether the goal was met; `null` for context rows. */
  met: boolean | null;
  /** Machine-readable measurement(s) for the JSON output. */
  raw?: Record<string, number | string | boolean>;
}

/** The sections, by number, as the issue lists them. */
export const SectionNames = {
  1: '1 limiter',
  2: '2 first response',
  3: '3 upstream economy',
  4: '4 rendering',
  5: '5 footprint',
  7: '7 shared cache',
  8: '8 memory at scale',
  9: '9 HTTP mode',
  6: '6 shared budget',
  10: '10 pictures',
  11: '11 export',
  12: '12 live events',
} as const;

/** The `q`-quantile (0–1) of `values`, nearest-rank; `NaN` when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** p50 / p99 / max of a sample. */
export function summary(values: readonly number[]): { p50: number; p99: number; max: number } {
  return {
    p50: quantile(values, 0.5),
    p99: quantile(values, 0.99),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Wall-clock milliseconds of `task`, with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}

/** Renders rows as one aligned text table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['section', 'metric', 'value', 'goal', 'met?'];
  const cells = rows.map((row) => [
    row.section,
    row.metric,
    row.value,
    row.goal,
    row.met === null ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (parts: readonly string[]): string =>
    parts
      .map((part, i) => part.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
