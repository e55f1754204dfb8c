import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { encodeCustomId } from '../src/discord/custom-id.js';
import { targetFromOptions, visibilityFromPublicOption, withPublicOption, withTargetOptions } from '../src/discord/options.js';
import type { Session } from '../src/discord/sessions.js';
import { openHistory, renderHistoryPage, turnPage, type HistoryState } from '../src/features/switch-pages.js';
import { ControlAction, parsePageArg, type RenderControls } from '../src/render/message.js';

const controlsFor = (session: Session<unknown>): RenderControls => ({
  customId: (action, arg) => encodeCustomId({ command: 'switches', action, session: session.id, ...(arg !== undefined && { arg }) }),
});

/**
 * `/switches [system] [user] [public]`: front history, newest first, ten switches a page with how long
 * each lasted. Older PluralKit pages are fetched only when the user pages past what is loaded.
 */
export default {
  data: withPublicOption(
    withTargetOptions(new SlashCommandBuilder().setName('switches').setDescription('Front history: who fronted when, and for how long')),
  ).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const state = await openHistory(ctx, interaction.user.id, target);
    const session = ctx.sessions.create(interaction.user.id, state);
    await respond.send(renderHistoryPage(state, controlsFor(session), ctx.now(), false));
  },
  async component({ interaction, respond, ctx, id, session }) {
    if (session === undefined) return;
    const state = session.state as HistoryState;
    await turnPage(ctx, interaction.user.id, state, parsePageArg(id.arg) ?? state.page, id.action === ControlAction.LastPage);
    await respond.send(renderHistoryPage(state, controlsFor(session), ctx.now(), false));
  },
} satisfies Command;
