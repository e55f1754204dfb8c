import type { CommandContext } from '../discord/command.js';
import type { ReplyBody } from '../discord/responder.js';
import { discordTimestamp } from '../front/format.js';
import { LivePolls } from '../live/polls.js';
import { liveStatus } from './live.js';

/**
 * `/live poll on`: opts the caller's linked system into polling of its front. Allowed with a webhook too:
 * PluralKit sends each event once and never retries, so polling then catches a lost one, at a cost.
 * @throws {UserFacingError} `NotLinked`
 */
export async function livePollOn(ctx: CommandContext, userId: string): Promise<ReplyBody> {
  const account = await ctx.accounts.require(userId);
  const before = await new LivePolls(ctx.settings).forUser(userId);
  await new LivePolls(ctx.settings).enable(userId, { id: account.systemId, uuid: account.systemUuid });
  const hook = await ctx.live.forUser(userId);
  const lines = [
    before === undefined
      ? `🔁 Polling is **on** for \`${account.systemId}\`: I read your fronters regularly, in a small share of PluralKit's rate budget, and what follows your front reacts to a switch within a round.`
      : `🔁 Polling was already **on** for \`${account.systemId}\`.`,
  ];
  if (hook?.lastEventAt !== undefined) {
    lines.push(
      "Your webhook already delivers PluralKit's events, so polling isn't needed; it only catches an event PluralKit lost. `/live poll off` stops it.",
    );
  }
  return { content: lines.join('\n') };
}

/** `/live poll off`: the caller's front is no longer polled. */
export async function livePollOff(ctx: CommandContext, userId: string): Promise<ReplyBody> {
  const removed = await new LivePolls(ctx.settings).disable(userId);
  return {
    content: removed
      ? '⏹️ Polling is **off**: I no longer read your fronters on my own.'
      : 'Polling was already off for you, so nothing changed.',
  };
}

/** `/live status`: the webhook's state, then whether the front is polled and when it last was. */
export async function liveStatusWithPolling(ctx: CommandContext, userId: string): Promise<ReplyBody> {
  const status = await liveStatus(ctx, userId);
  const poll = await new LivePolls(ctx.settings).forUser(userId);
  const line =
    poll === undefined
      ? 'Polling is **off** (`/live poll on` reads your fronters regularly, without a webhook).'
      : poll.lastPollAt === undefined
        ? `Polling is **on** for \`${poll.systemId}\`; the first poll is still to come.`
        : `Polling is **on** for \`${poll.systemId}\`. Last poll: ${discordTimestamp(poll.lastPollAt, 'R')} (${discordTimestamp(poll.lastPollAt, 'f')}).`;
  return { ...status, content: `${status.content ?? ''}\n${line}` };
}
