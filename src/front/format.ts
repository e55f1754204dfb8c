/**
 * Small text formats shared by every view: Discord timestamps, durations and short ids.
 */

/** Discord's timestamp styles: `R` relative ("3 hours ago"), `f` short date-time, `D` long date, … */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

/**
 * A Discord timestamp tag (`<t:1700000000:R>`); each viewer sees it in their own time zone and locale.
 * Only message content, embed descriptions and field values render it (titles and footers do not).
 */
export function discordTimestamp(date: Date | string, style: TimestampStyle = 'f'): string {
  const ms = typeof date === 'string' ? Date.parse(date) : date.getTime();
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

const units = [
  { suffix: 'd', ms: 86_400_000 },
  { suffix: 'h', ms: 3_600_000 },
  { suffix: 'm', ms: 60_000 },
  { suffix: 's', ms: 1000 },
] as const;

/**
 * A duration as its two largest units, like PluralKit: `3d 4h`, `5h 3m`, `4m 12s`, `12s`.
 * A zero second unit is left out (`2d`, not `2d 0h`); below one second it is `0s`.
 */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000)) * 1000;
  const parts: string[] = [];
  for (const unit of units) {
    const count = Math.floor(rest / unit.ms);
    rest -= count * unit.ms;
    if (parts.length === 0 && count === 0) continue;
    if (count > 0) parts.push(`${count}${unit.suffix}`);
    if (parts.length === 2 || (parts.length === 1 && count === 0)) break;
  }
  return parts.length === 0 ? '0s' : parts.join(' ');
}

/** `3h 2m ago` / `in 5m`: a plain-text relative time for places Discord timestamps do not render. */
export function formatRelative(date: Date, now: Date): string {
  const diff = now.getTime() - date.getTime();
  if (Math.abs(diff) < 1000) return 'just now';
  return diff > 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(-diff)}`;
}

/** How a system likes short ids shown (PluralKit settings `hid_display_split` and `hid_display_caps`). */
export interface ShortIdDisplay {
  split?: boolean | undefined;
  caps?: boolean | undefined;
}

/** A short id as the viewer likes it: `abcdef`, `abc-def` (split, 6 letters only) or `ABC-DEF`. */
export function formatShortId(id: string, display: ShortIdDisplay = {}): string {
  const text = display.split === true && id.length === 6 ? `${id.slice(0, 3)}-${id.slice(3)}` : id;
  return display.caps === true ? text.toUpperCase() : text;
}
