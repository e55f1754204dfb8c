import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { defineSessions } from '../src/discord/sessions.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { frontStatsView, renderFrontStatsPage, type FrontStatsView } from '../src/features/front-stats.js';
import { parsePageArg } from '../src/render/message.js';

const name = 'frontstats';

/** A stats card's session: everything its pages show, so paging asks PluralKit nothing. */
const sessions = defineSessions<FrontStatsView>(name);

const builder = new SlashCommandBuilder()
  .setName(name)
  .setDescription('Front time and percentage per member and group over a range (default: 30 days)');
builder.addStringOption((option) =>
  option
    .setName('range')
    .setDescription('How far back: 7d, 30d, 1y, all, or since 2025-01-01 (default 30d)')
    .setMaxLength(100),
);
builder.addBooleanOption((option) =>
  option
    .setName('flat')
    .setDescription("Percentages of all members' time added up, so they add up to 100% (as PluralKit's -flat)"),
);
builder.addBooleanOption((option) =>
  option.setName('fronters-only').setDescription('Leave out the time when nobody was fronting (switch-outs)'),
);

/** `/frontstats [range] [flat] [fronters-only] [system] [user] [public]`: front time and share per member and group over a range. */
export default {
  data: withPublicOption(withTargetOptions(builder)).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const mode = {
      flat: interaction.options.getBoolean('flat') ?? false,
      frontersOnly: interaction.options.getBoolean('fronters-only') ?? false,
    };
    const view = await frontStatsView(ctx, interaction.user.id, target, interaction.options.getString('range'), mode);
    const session = await sessions.create(ctx.sessions, interaction.user.id, view);
    await respond.send(renderFrontStatsPage(view, 0, sessions.controls(session)));
  },
  async component({ id, respond, ...routed }) {
    const page = parsePageArg(id.arg);
    const session = sessions.of(routed.session);
    if (session === undefined || page === undefined) return;
    await respond.send(renderFrontStatsPage(session.state, page, sessions.controls(session)));
  },
} satisfies Command;
