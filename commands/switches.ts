import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { defineSessions } from '../src/discord/sessions.js';
import { openHistory, renderHistoryPage, turnPage, type HistoryState } from '../src/features/switch-pages.js';
import { ControlAction, parsePageArg } from '../src/render/message.js';

const sessions = defineSessions<HistoryState>('switches');

/**
 * `/switches [system] [user] [public]`: front history, newest first, ten switches a page with how long
 * each lasted. Older PluralKit pages are fetched only when the user pages past what is loaded.
 */
export default {
  data: withPublicOption(
    withTargetOptions(
      new SlashCommandBuilder().setName('switches').setDescription('Front history: who fronted when, and for how long'),
    ),
  ).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const state = await openHistory(ctx, interaction.user.id, target);
    const session = await sessions.create(ctx.sessions, interaction.user.id, state);
    await respond.send(renderHistoryPage(state, sessions.controls(session), ctx.now(), false));
  },
  async component({ interaction, respond, ctx, id, ...routed }) {
    const session = sessions.of(routed.session);
    if (session === undefined) return;
    const { state } = session;
    await turnPage(
      ctx,
      interaction.user.id,
      state,
      parsePageArg(id.arg) ?? state.page,
      id.action === ControlAction.LastPage,
    );
    await ctx.sessions.save(session);
    await respond.send(renderHistoryPage(state, sessions.controls(session), ctx.now(), false));
  },
} satisfies Command;
