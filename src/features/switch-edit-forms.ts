import { ComponentType, TextInputStyle, type ModalComponentData } from 'discord.js';
import { zoneOffsetMinutes } from '../front/time-zone.js';
import type { Switch } from '../pluralkit/index.js';
import { sortedSwitchMembers } from '../render/names.js';

/** Custom ids of the fields in the `/switch edit` forms. */
export const EditFormField = { time: 'time', members: 'members' } as const;

/**
 * The form asking for a switch's new time, prefilled with its current time in the system's zone (with the
 * offset, so it reads back exactly); anything `/switch in time:` accepts works.
 */
export function moveForm(customId: string, sw: Switch, timeZone: string | undefined): ModalComponentData {
  return {
    customId,
    title: 'Move this switch',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            customId: EditFormField.time,
            label: 'New time',
            style: TextInputStyle.Short,
            required: true,
            maxLength: 100,
            value: zonedIso(new Date(sw.timestamp), timeZone),
            placeholder: '2025-06-01 21:30, 10 minutes ago, yesterday 21:30',
          },
        ],
      },
    ],
  };
}

/**
 * The form asking who fronted: a comma-separated list of names or ids, prefilled with the current members.
 * A text field rather than select menus because a switch can hold up to 150 members in a chosen order, and a
 * select shows at most 25; names that are shared or contain a separator are prefilled as ids.
 */
export function membersForm(customId: string, sw: Switch, names: ReadonlyMap<string, string>): ModalComponentData {
  return {
    customId,
    title: 'Change who fronted',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            customId: EditFormField.members,
            label: 'Members, in order (names or ids)',
            style: TextInputStyle.Paragraph,
            required: false,
            maxLength: 4000,
            value: prefillMembers(sortedSwitchMembers(sw.members, names), names).slice(0, 4000),
            placeholder: 'Ash, Kai, abcde (leave empty for "no fronter")',
          },
        ],
      },
    ],
  };
}

function prefillMembers(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  const counts = new Map<string, number>();
  for (const name of names.values()) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
  return ids
    .map((id) => {
      const name = names.get(id)?.trim();
      const usable = name !== undefined && name !== '' && !/[,;\n]/.test(name) && counts.get(name.toLowerCase()) === 1;
      return usable ? name : id;
    })
    .join(', ');
}

/** `2025-06-15T14:00:05+02:00`: the instant as the system's local time, with its offset. */
export function zonedIso(date: Date, timeZone: string | undefined): string {
  const offset = zoneOffsetMinutes(timeZone, date);
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${hours}:${String(abs % 60).padStart(2, '0')}`;
}
