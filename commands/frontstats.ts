import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { defineSessions } from '../src/discord/sessions.js';
import {
  targetFromOptions,
  visibilityFromPublicOption,
  withPublicOption,
  withTargetOptions,
} from '../src/discord/options.js';
import { autocompleteMembers } from '../src/features/entity-choices.js';
import { frontStatsReport, renderFrontStatsPage, type FrontStatsView } from '../src/features/front-stats.js';
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

builder.addStringOption((option) =>
  option
    .setName('chart')
    .setDescription('The picture: share bars (default), or front time by weekday and hour')
    .addChoices({ name: 'shares', value: 'shares' }, { name: 'hours of the week', value: 'hours' }),
);
builder.addStringOption((option) =>
  option
    .setName('member')
    .setDescription('For the hours picture: one member (name, display name or id); default: anyone fronting')
    .setAutocomplete(true)
    .setMaxLength(100),
);

/**
 * `/frontstats [range] [flat] [fronters-only] [chart] [member] [system] [user] [public]`: front time and
 * share per member and group over a range, with a picture of the shares or of the hours of the week.
 */
export default {
  data: withPublicOption(withTargetOptions(builder)).toJSON(),
  visibility: visibilityFromPublicOption,
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const mode = {
      flat: interaction.options.getBoolean('flat') ?? false,
      frontersOnly: interaction.options.getBoolean('fronters-only') ?? false,
    };
    const member = interaction.options.getString('member');
    const chart =
      interaction.options.getString('chart') === 'hours' || member !== null
        ? { kind: 'hours' as const, member: member ?? undefined }
        : { kind: 'shares' as const };
    const range = interaction.options.getString('range');
    const { view, file } = await frontStatsReport(ctx, interaction.user.id, target, range, mode, chart);
    const session = await sessions.create(ctx.sessions, interaction.user.id, view);
    const page = renderFrontStatsPage(view, 0, sessions.controls(session));
    await respond.send(file === undefined ? page : { ...page, files: [file] });
  },
  async component({ id, respond, ...routed }) {
    const page = parsePageArg(id.arg);
    const session = sessions.of(routed.session);
    if (session === undefined || page === undefined) return;
    await respond.send(renderFrontStatsPage(session.state, page, sessions.controls(session)));
  },
  autocomplete: autocompleteMembers,
} satisfies Command;
