import type { APIEmbed, APISelectMenuOption } from 'discord-api-types/v10';
import { discordTimestamp, formatDuration, formatRelative } from '../front/format.js';
import { withDurations } from '../front/durations.js';
import type { SwitchTiming } from '../front/durations.js';
import { isKnownTimeZone, zoneOffsetMinutes } from '../front/time-zone.js';
import type { Switch, System } from '../pluralkit/schemas.js';
import { clampPage, controlId, pageCount, pagingRow, selectRow } from './components.js';
import { DiscordLimits, fitLines, joinWithin, truncate } from './limits.js';
import { ControlAction } from './message.js';
import type { RenderControls, RenderedMessage } from './message.js';
import { plainMemberLabel, sortedSwitchMembers, switchMemberLabel } from './names.js';
import { inlineText, parseColor, plural } from './text.js';

/** Switches per history page, as in PluralKit's `fronthistory`. */
export const SwitchesPerPage = 10;

/** Room for the names of one switch, so ten lines always fit the description. */
const NamesBudget = 300;

/** How to show one page of front history. */
export interface SwitchHistoryOptions {
  /** 0-based; out-of-range pages show the nearest page. */
  page: number;
  controls: RenderControls;
  now: Date;
  /** Short id → name; ids missing here (hidden, deleted) show as the id. */
  names: ReadonlyMap<string, string>;
  system?: System | null | undefined;
  /** False while `switches` does not reach back to the first switch yet: "next" stays enabled. */
  complete?: boolean | undefined;
  /** Keep "last" enabled while `complete` is false: the caller loads the whole history on that click. */
  jumpToOldest?: boolean | undefined;
}

/**
 * One page of front history (`switches` newest first, the whole loaded history): a line per switch with
 * who fronted, when, and for how long; switch-outs read *no fronter*. Only the page is formatted.
 */
export function renderSwitchHistory(switches: readonly Switch[], options: SwitchHistoryOptions): RenderedMessage {
  const { page, pages, timed } = pageOf(switches, options);
  const embed: APIEmbed = {
    title: truncate(historyTitle(options.system), DiscordLimits.embedTitle),
    description:
      timed.length > 0
        ? fitLines(
            timed.map((sw) => historyLine(sw, options)),
            DiscordLimits.embedDescription,
          ).text
        : 'No switches logged yet.',
    ...colorOf(options.system),
    footer: { text: footerText(page, pages, switches.length, options.complete) },
  };
  const more = options.complete === false;
  return {
    embeds: [embed],
    components:
      pages > 1 || more ? [pagingRow(options.controls, page, pages, more, options.jumpToOldest === true)] : [],
  };
}

/** Options of the `/switch edit` picker: the history options plus the zone for option dates. */
export interface SwitchPickerOptions extends SwitchHistoryOptions {
  /** IANA zone for the absolute times in the menu (the system's setting); UTC when absent. */
  timeZone?: string | undefined;
}

/**
 * The history page with a select menu to pick one of its switches (`/switch edit`). Option labels are
 * the names and a relative time as plain text, because menus cannot show Discord timestamps.
 */
export function renderSwitchPicker(switches: readonly Switch[], options: SwitchPickerOptions): RenderedMessage {
  const message = renderSwitchHistory(switches, options);
  const { timed } = pageOf(switches, options);
  if (timed.length === 0) return message;
  const menuOptions: APISelectMenuOption[] = timed.map((sw) => {
    const when = formatRelative(sw.start, options.now);
    const names = sortedSwitchMembers(sw.members, options.names).map((id) => plainMemberLabel(id, options.names));
    const who =
      names.length === 0 ? 'no fronter' : joinWithin(names, DiscordLimits.selectOptionLabel - when.length - 3);
    return { label: `${who} · ${when}`, value: sw.id, description: zonedText(sw.start, options.timeZone) };
  });
  message.components.push(
    selectRow(controlId(options.controls, ControlAction.PickSwitch), 'Pick a switch to edit…', menuOptions),
  );
  return message;
}

/** The page's switches with their durations (the switch before the page ends the page's newest one). */
function pageOf(
  switches: readonly Switch[],
  options: SwitchHistoryOptions,
): { page: number; pages: number; timed: (Switch & SwitchTiming)[] } {
  const pages = pageCount(switches.length, SwitchesPerPage);
  const page = clampPage(options.page, pages);
  const start = page * SwitchesPerPage;
  const timed = withDurations(switches.slice(start, start + SwitchesPerPage), options.now, switches[start - 1]);
  return { page, pages, timed };
}

function historyLine(sw: Switch & SwitchTiming, options: SwitchHistoryOptions): string {
  const who =
    sw.members.length === 0
      ? '*no fronter*'
      : joinWithin(
          sortedSwitchMembers(sw.members, options.names).map((id) => switchMemberLabel(id, options.names)),
          NamesBudget,
        );
  const when = `${discordTimestamp(sw.start, 'f')} (${discordTimestamp(sw.start, 'R')})`;
  const howLong = sw.ongoing
    ? `ongoing, ${formatDuration(sw.durationMs)} so far`
    : `for ${formatDuration(sw.durationMs)}`;
  return `${who} · ${when} · ${howLong}`;
}

function historyTitle(system: System | null | undefined): string {
  if (!system) return 'Front history';
  return system.name?.trim() ? `Front history of ${inlineText(system.name)}` : `Front history of ${system.id}`;
}

function footerText(page: number, pages: number, total: number, complete: boolean | undefined): string {
  return complete === false
    ? `Page ${page + 1}/${pages}+ · ${total}+ switches`
    : `Page ${page + 1}/${pages} · ${plural(total, 'switch', 'switches')}`;
}

function colorOf(system: System | null | undefined): { color?: number } {
  const color = parseColor(system?.color);
  return color === undefined ? {} : { color };
}

/** `2025-06-15 14:00 (Europe/Berlin)` in the given zone; plain text for menus. */
export function zonedText(date: Date, timeZone: string | undefined): string {
  const zone = timeZone !== undefined && isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const local = new Date(date.getTime() + zoneOffsetMinutes(zone, date) * 60_000);
  return `${local.toISOString().slice(0, 16).replace('T', ' ')} (${zone})`;
}
