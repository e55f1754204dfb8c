import { ButtonStyle } from 'discord-api-types/v10';
import { ComponentType, TextInputStyle, type ModalComponentData } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import { encodeCustomId } from '../discord/custom-id.js';
import type { ReplyBody } from '../discord/responder.js';
import { UserFacingError } from '../errors.js';
import { discordTimestamp } from '../front/format.js';
import { button, buttonRow } from '../render/components.js';

/** A signing token as PluralKit makes one: 64 characters of base64. */
const signingTokenPattern = /^[A-Za-z0-9+/=_-]{64}$/;

/** Custom id of the button (and the form) that takes the signing token. */
export const SigningTokenControl = encodeCustomId({ command: 'live', action: 'token' });

/**
 * `/live setup`: a new hook for the user's linked system, the exact command to run in PluralKit's DMs, and a
 * button for the signing token, to press before confirming in PluralKit so its test PINGs already pass.
 * @throws {UserFacingError} `LiveNotEnabled` without `PUBLIC_URL`, `NotLinked`
 */
export async function liveSetup(ctx: CommandContext, userId: string): Promise<ReplyBody> {
  if (ctx.live.publicUrl === undefined) throw new UserFacingError('LiveNotEnabled');
  const account = await ctx.accounts.require(userId);
  const hook = await ctx.live.prepare(userId, { id: account.systemId, uuid: account.systemUuid });
  return {
    content: [
      `**Live events for \`${account.systemId}\`**: PluralKit tells me about every switch, so what follows your front reacts at once.`,
      '1. DM PluralKit exactly this (it only works in DMs):',
      `\`\`\`\npk;system webhook ${ctx.live.urlOf(hook.id)}\n\`\`\``,
      '2. PluralKit answers with a **signing token**. Press **Paste signing token** below and paste it, *before* you confirm in PluralKit.',
      '3. Then confirm in PluralKit: it sends two test events, and I answer them.',
      'This replaces any earlier live setup of yours. Keep the URL to yourself; `/live off` forgets it.',
    ].join('\n'),
    components: [buttonRow([button(SigningTokenControl, 'Paste signing token', { style: ButtonStyle.Primary })])],
  };
}

/** The form the signing token is pasted into. */
export function signingTokenForm(): ModalComponentData {
  return {
    customId: SigningTokenControl,
    title: 'PluralKit signing token',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            customId: 'signing_token',
            label: 'Signing token (from PluralKit, 64 characters)',
            style: TextInputStyle.Short,
            required: true,
            minLength: 64,
            maxLength: 100,
          },
        ],
      },
    ],
  };
}

/**
 * Keeps the pasted signing token, sealed. @throws {UserFacingError} `SigningTokenFormat`, `LiveNotSetUp`
 */
export async function saveSigningToken(ctx: CommandContext, userId: string, pasted: string): Promise<ReplyBody> {
  const token = pasted.trim();
  if (!signingTokenPattern.test(token)) throw new UserFacingError('SigningTokenFormat');
  const hook = await ctx.live.saveSigningToken(userId, token);
  if (hook === undefined) throw new UserFacingError('LiveNotSetUp');
  return {
    content: `🔒 Signing token kept, sealed. Now confirm in PluralKit's DM: its two test events will get the answers it expects. \`/live status\` shows when events arrive.`,
    components: [],
  };
}

/** `/live status`: whether live events are set up for the user, and when the last one arrived. */
export async function liveStatus(ctx: CommandContext, userId: string): Promise<ReplyBody> {
  const hook = await ctx.live.forUser(userId);
  if (hook === undefined) {
    const how =
      ctx.live.publicUrl === undefined ? "This bot doesn't offer live events." : 'Run `/live setup` to turn them on.';
    return { content: `Live events are **off** for you. ${how}` };
  }
  if (hook.signing === undefined) {
    return {
      content: `Live events for \`${hook.systemId}\` are **waiting for the signing token**: press **Paste signing token** in the \`/live setup\` answer (or run it again).`,
    };
  }
  const last =
    hook.lastEventAt === undefined
      ? 'No event has arrived yet: confirm the webhook in PluralKit, or log a switch to test it.'
      : `Last event: ${discordTimestamp(hook.lastEventAt, 'R')} (${discordTimestamp(hook.lastEventAt, 'f')}).`;
  return { content: `Live events for \`${hook.systemId}\` are **on**. ${last}` };
}

/** `/live off`: forgets the user's hook, so PluralKit's events for it are refused. */
export async function liveOff(ctx: CommandContext, userId: string): Promise<ReplyBody> {
  const removed = await ctx.live.forget(userId);
  return {
    content: removed
      ? '🗑️ Live events are off: I forgot your webhook and its signing token. DM PluralKit `pk;system webhook clear` so it stops sending.'
      : 'Live events were already off for you, so there was nothing to forget.',
  };
}
