import { ButtonStyle, ComponentType, type APIButtonComponentWithURL } from 'discord-api-types/v10';
import { HelpColor } from './help.js';
import type { RenderedMessage } from './message.js';

/** The install links, see `inviteLinks` in `src/features/invite.ts`. */
export interface InviteView {
  server: string;
  user: string;
}

/**
 * The invite card: what each way of adding the bot gives, that it asks for no permissions, and one link
 * button per way.
 */
export function renderInvite(links: InviteView): RenderedMessage {
  const linkButton = (label: string, url: string): APIButtonComponentWithURL => ({ type: ComponentType.Button, style: ButtonStyle.Link, label, url });
  return {
    embeds: [
      {
        title: 'Add pk-companion',
        description: [
          '**Add to a server**: everyone there can use the commands, and members can DM the bot to link their system.',
          '**Add to your account**: use the commands anywhere, in any server, DM or group chat, even where the bot isn’t a member.',
          '',
          'The bot asks for no permissions: it only answers commands and DMs.',
        ].join('\n'),
        color: HelpColor,
      },
    ],
    components: [{ type: ComponentType.ActionRow, components: [linkButton('Add to a server', links.server), linkButton('Add to your account', links.user)] }],
  };
}
