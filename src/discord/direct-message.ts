import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
  type APIDMChannel,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';

/** What became of a DM: sent, or refused because the user does not accept DMs from the bot. */
export type DirectMessageOutcome = 'sent' | 'closed';

/**
 * Sends `contents` as consecutive DMs to `userId` over REST alone (`POST /users/@me/channels`, then
 * `POST /channels/{id}/messages`), so it works without a gateway connection (`--role http`). Nothing in
 * them pings anyone (`allowed_mentions: none`): the text is the user's own.
 * @returns `'closed'` when Discord refuses with 50007 (DMs closed, or no shared server); nothing more is sent.
 * @throws the Discord request error for any other failure.
 */
export async function sendDirectMessages(
  rest: REST,
  userId: string,
  contents: readonly string[],
): Promise<DirectMessageOutcome> {
  try {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIDMChannel;
    for (const content of contents) {
      const body: RESTPostAPIChannelMessageJSONBody = { content, allowed_mentions: { parse: [] } };
      await rest.post(Routes.channelMessages(channel.id), { body });
    }
    return 'sent';
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
      return 'closed';
    }
    throw error;
  }
}
