import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { discordTimestamp } from '../front/format.js';
import type { Member, System } from '../pluralkit/schemas.js';
import { DiscordLimits, fitEmbedTotal, joinWithin, truncate } from './limits.js';
import type { RenderedMessage } from './message.js';
import { displayId, type IdDisplay } from './ids.js';
import { boldName, memberName, sortedMembers } from './names.js';
import { dashboardUrl, formatColor, inlineText, parseColor } from './text.js';
import { embedImage } from './urls.js';

/** What the system card shows besides the system itself, when the caller knows it. */
export interface SystemCardOptions {
  memberCount?: number | undefined;
  groupCount?: number | undefined;
  /** Current fronters; left out when front privacy hides them. */
  fronters?: readonly Member[] | undefined;
  /** The system's id display setting (split / caps). */
  ids?: IdDisplay | undefined;
}

/** Room for the description; PluralKit caps it at 1,000, this only guards the message total. */
const DescriptionBudget = 3000;

/**
 * The system card, laid out like PluralKit's: name (or id) as title linking to the dashboard,
 * description, avatar thumbnail, banner image, colour, then the current fronters first, tag, pronouns,
 * colour, counts and creation date as fields. Values PluralKit hid (null) are simply absent.
 * @see https://pluralkit.me/api/models/#system-model
 */
export function renderSystem(system: System, options: SystemCardOptions = {}): RenderedMessage {
  const color = parseColor(system.color);
  const thumbnail = embedImage(system.avatar_url);
  const image = embedImage(system.banner);
  const fields: APIEmbedField[] = [];
  const add = (name: string, value: string | undefined, inline = true): void => {
    if (value !== undefined && value.trim() !== '')
      fields.push({ name, value: truncate(value, DiscordLimits.fieldValue), inline });
  };
  if (options.fronters !== undefined && options.fronters.length > 0) {
    const names = sortedMembers(options.fronters).map((member) => boldName(memberName(member)));
    add(options.fronters.length === 1 ? 'Fronter' : 'Fronters', joinWithin(names, DiscordLimits.fieldValue), false);
  }
  add('Tag', system.tag === null ? undefined : inlineText(system.tag));
  add('Pronouns', system.pronouns === null ? undefined : inlineText(system.pronouns));
  add('Colour', system.color === null ? undefined : formatColor(system.color));
  add('Members', options.memberCount?.toString());
  add('Groups', options.groupCount?.toString());
  add('Created', system.created === null ? undefined : discordTimestamp(system.created, 'D'));

  const embed: APIEmbed = {
    title: truncate(system.name?.trim() ? inlineText(system.name) : `System ${system.id}`, DiscordLimits.embedTitle),
    url: dashboardUrl('s', system.id),
    ...(system.description?.trim() && { description: truncate(system.description, DescriptionBudget) }),
    ...(color !== undefined && { color }),
    ...(thumbnail !== undefined && { thumbnail }),
    ...(image !== undefined && { image }),
    ...(fields.length > 0 && { fields }),
    footer: { text: `System ID: ${displayId(system.id, options.ids)}` },
  };
  return { embeds: [fitEmbedTotal(embed)], components: [] };
}
