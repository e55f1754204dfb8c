import type { MessageState } from '../../stand-ins/discord/index.js';
import { slash, where, type LiveWorld, type PreviewFacts, type PreviewStep, type StepContext } from './steps.js';

const HookUrl = /pk;system webhook (\S+)/;

/** Why a live step that needs PluralKit's stand-in posting to the bot cannot play, if it cannot. */
function needsStandIn(facts: PreviewFacts, live: LiveWorld | undefined): string | undefined {
  if (live === undefined)
    return "only the built-in PluralKit stand-in can post events to this preview's loopback listener";
  if (facts.ownSystemUuid === undefined) return 'no linked system to set live events up for';
  return undefined;
}

function liveOf(ctx: StepContext): LiveWorld {
  if (ctx.live === undefined) throw new Error('the PluralKit stand-in is not posting to this bot');
  return ctx.live;
}

/** Presses **Paste signing token** on the `/live setup` answer and submits the form with `signingToken`. */
async function pasteSigningToken(ctx: StepContext, reply: MessageState, signingToken: string): Promise<MessageState> {
  const { discord, user } = ctx;
  const button = buttonIdOf(reply, 'token');
  const opened = discord.dispatchInteraction(discord.button(button, reply, { ...where, user }));
  await opened.firstResponse();
  if (opened.modal === undefined) throw new Error('Paste signing token opened no form');
  const fields = { signing_token: signingToken };
  return discord
    .dispatchInteraction(discord.modalSubmit(opened.modal.custom_id, fields, { ...where, user }, reply))
    .reply(20_000);
}

function buttonIdOf(message: MessageState, action: string): string {
  for (const row of message.components as { components?: { custom_id?: string }[] }[]) {
    const found = row.components?.find((c) => c.custom_id?.split(':')[1] === action)?.custom_id;
    if (found !== undefined) return found;
  }
  throw new Error(`the message has no ${action} button`);
}

/**
 * Live events, as a user turns them on and then meets them: `/live setup`, PluralKit's two setup PINGs, a
 * switch logged in PluralKit, its event delivered to the bot, the reminder DM it brings and its announcement.
 */
export const liveSteps: readonly PreviewStep[] = [
  {
    title: 'Turn on live events: /live setup gives the command for PluralKit and a form for its signing token',
    command: 'live',
    async play(ctx) {
      const reply = await slash('', 'live setup').play(ctx);
      ctx.facts.liveSetup = reply;
      const url = HookUrl.exec(reply.content)?.[1];
      if (url === undefined || ctx.live === undefined) return reply;
      return {
        message: reply,
        notes: [`PluralKit would post to ${url}; here on loopback, to ${ctx.live.localUrl(url)}.`],
      };
    },
  },
  {
    title:
      'In PluralKit, pk;system webhook <url> shows a signing token: paste it in the form, then PluralKit tests the URL',
    command: 'live',
    skip: needsStandIn,
    async play(ctx) {
      const live = liveOf(ctx);
      const reply = ctx.facts.liveSetup;
      const url = reply === undefined ? undefined : HookUrl.exec(reply.content)?.[1];
      if (reply === undefined || url === undefined) throw new Error('/live setup gave no webhook URL');
      const setup = await live.pk.beginWebhookSetup(ctx.facts.ownSystemUuid!, live.localUrl(url));
      const saved = await pasteSigningToken(ctx, reply, setup.signingToken);
      const pings = await setup.confirm();
      if (!pings.saved) throw new Error(`PluralKit's setup PINGs got ${pings.realStatus} and ${pings.wrongStatus}`);
      return {
        message: saved,
        notes: [
          `PluralKit's PING with the signing token got ${pings.realStatus} (it needs 200)`,
          `PluralKit's PING with a random token got ${pings.wrongStatus} (it needs 401)`,
          'PluralKit saved the webhook.',
        ],
      };
    },
  },
  slash('Whether PluralKit sends live events', 'live status'),
  {
    title: "A switch logged in PluralKit (through its API, as pk;switch would), for the member you're reminded about",
    command: 'live',
    skip: (facts, live) => needsStandIn(facts, live) ?? (facts.memberIds.length === 0 ? 'no members' : undefined),
    async play(ctx) {
      const live = liveOf(ctx);
      const members = [ctx.facts.memberIds[0]!];
      ctx.facts.channelPostsBeforeSwitch = ctx.discord.channelMessages(ctx.discord.channel.id).length;
      const logged = await live.pluralkit.createSwitch('@me', { members }, { token: ctx.facts.token });
      const names = logged.members.map((member) => member.display_name ?? member.name).join(', ');
      return {
        notes: [`POST /systems/@me/switches {"members":["${members[0]}"]} logged switch ${logged.id}: ${names}`],
      };
    },
  },
  {
    title: 'PluralKit delivers the switch event to the bot, signed with the token',
    command: 'live',
    skip: needsStandIn,
    async play(ctx) {
      const live = liveOf(ctx);
      await live.pk.dispatch.idle();
      const sent = live.pk.dispatch.deliveries.findLast((d) => d.type === 'CREATE_SWITCH');
      if (sent === undefined) throw new Error('PluralKit sent no CREATE_SWITCH');
      return {
        notes: [
          `PluralKit POSTed CREATE_SWITCH for your system and got ${sent.status}${sent.ok ? ' (delivered)' : ' (lost: PluralKit never retries)'}`,
          `The bot gathers your switch events for ${live.coalesceMs} ms, then reads your front once.`,
        ],
      };
    },
  },
  {
    title: 'The reminder DM for the member who switched in',
    command: 'remind',
    skip: needsStandIn,
    play: ({ discord, user }) => discord.waitForDm(user, (m) => m.content.startsWith('🔔'), 20_000),
  },
  {
    title: 'The announcement posted in the channel /announce picked (you opted in with /announce me)',
    command: 'announce',
    skip: needsStandIn,
    play: ({ discord, facts }) =>
      discord.waitFor(
        () =>
          discord
            .channelMessages(discord.channel.id)
            .slice(facts.channelPostsBeforeSwitch ?? 0)
            .find((m) => m.author.id === discord.botUser.id && m.embeds.length > 0),
        20_000,
        'the front announcement',
      ),
  },
];
