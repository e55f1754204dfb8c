import { ButtonStyle, ComponentType, type APIButtonComponentWithURL } from 'discord-api-types/v10';
import { HelpColor, StoredDataNote } from './help.js';
import type { RenderedMessage } from './message.js';

/** The install links, see `inviteLinks` in `src/features/invite.ts`. */
export interface InviteView {
  server: string;
  serverWithFrontSync: string;
  user: string;
}

/**
 * The invite card: what each way of adding the bot gives, that it asks for no permissions, what it
 * stores about a user, and one link button per way.
 */
export function renderInvite(links: InviteView): RenderedMessage {
  const linkButton = (label: string, url: string): APIButtonComponentWithURL => ({
    type: ComponentType.Button,
    style: ButtonStyle.Link,
    label,
    url,
  });
  return {
    embeds: [
      {
        title: 'Add pk-companion',
        description: [
          '**Add to a server**: everyone there can use the commands, and members can DM me to link their system.',
          '**Add to your account**: use the commands anywhere, in any server, DM or group chat, even where I’m not a member.',
          '',
          'I ask for no permissions: I only answer commands and DMs.',
          '**Add with front sync**: the same, plus **Manage Nicknames** and **Manage Roles**, so nicknames and roles can follow the front (`/frontsync`).',
        ].join('\n'),
        color: HelpColor,
        fields: [{ name: StoredDataNote.title, value: StoredDataNote.text }],
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          linkButton('Add to a server', links.server),
          linkButton('Add with front sync', links.serverWithFrontSync),
          linkButton('Add to your account', links.user),
        ],
      },
    ],
  };
}
