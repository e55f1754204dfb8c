import { PermissionFlagsBits } from 'discord-api-types/v10';
import { UserFacingError } from '../errors.js';

/**
 * The permissions the bot asks for when added to a server: none (`0`).
 *
 * Why nothing is needed: every answer goes back through the interaction itself (the callback and the
 * interaction webhook), which Discord allows without any channel permission, even where the bot is not
 * a member; linking by DM works in the DM channel, where guild permissions do not apply; the bot never
 * posts on its own, reads channel messages, manages roles, nicknames or webhooks. The message menu
 * "Who was fronting?" gets the message in the interaction payload, so not even Read Message History is
 * needed. Asking for more would only make the invite scarier and a leaked token more dangerous.
 */
export const BotPermissions = 0n;

/**
 * What the second server link asks for, for names and roles that follow the front (`/frontsync`): exactly
 * Manage Nicknames and Manage Roles, nothing else. (Announcements need only View Channel, Send Messages and
 * Embed Links in their channel, which servers normally give everyone.)
 */
export const FrontSyncPermissions = PermissionFlagsBits.ManageNicknames | PermissionFlagsBits.ManageRoles;

/** Where to send people to add the bot. */
export interface InviteLinks {
  /**
   * Add to a server: scopes `bot` (so members can DM it to link, and it shows in the member list) and
   * `applications.commands`, with {@link BotPermissions}.
   */
  server: string;
  /** Add to a server with {@link FrontSyncPermissions}, for nicknames and roles that follow the front. */
  serverWithFrontSync: string;
  /** Add to one's own account (a user-installed app): commands everywhere, in any DM or group chat. */
  user: string;
}

const authorizeUrl = 'https://discord.com/oauth2/authorize';

function serverLink(id: string, permissions: bigint): string {
  return `${authorizeUrl}?client_id=${id}&permissions=${permissions}&integration_type=0&scope=bot+applications.commands`;
}

/** The install links for the application `applicationId`. */
export function inviteLinks(applicationId: string): InviteLinks {
  const id = encodeURIComponent(applicationId);
  return {
    server: serverLink(id, BotPermissions),
    serverWithFrontSync: serverLink(id, FrontSyncPermissions),
    user: `${authorizeUrl}?client_id=${id}&integration_type=1&scope=applications.commands`,
  };
}

/** The links for the running bot. @throws {UserFacingError} `BotNotReady` before the client knows its id. */
export function currentInviteLinks(applicationId: string | undefined): InviteLinks {
  if (applicationId === undefined) throw new UserFacingError('BotNotReady');
  return inviteLinks(applicationId);
}
