import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { targetFromOptions, withTargetOptions } from '../src/discord/options.js';
import { ProgressLine } from '../src/discord/progress-line.js';
import { ExportFormats, type ExportFormat } from '../src/export/index.js';
import { exportFrontHistory } from '../src/features/front-export.js';

const builder = new SlashCommandBuilder()
  .setName('export')
  .setDescription('Your front history as a file: CSV, JSON or iCalendar (default: 30 days, only you see it)');
builder.addStringOption((option) =>
  option
    .setName('format')
    .setDescription('File format (default: CSV)')
    .addChoices(
      { name: 'CSV (spreadsheets)', value: 'csv' },
      { name: 'JSON', value: 'json' },
      { name: 'iCalendar (calendar apps)', value: 'ics' },
    ),
);
builder.addStringOption((option) =>
  option
    .setName('range')
    .setDescription('How far back: 7d, 30d, 1y, all, or since 2025-01-01 (default 30d)')
    .setMaxLength(100),
);

/**
 * `/export [format] [range] [system] [user]`: the front history as a file, one row or event per fronting
 * stretch. Always ephemeral: a history file is for the caller alone.
 */
export default {
  data: withTargetOptions(builder).toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const target = await targetFromOptions(interaction, ctx);
    const chosen = interaction.options.getString('format');
    const format: ExportFormat = ExportFormats.find((f) => f === chosen) ?? 'csv';
    const progress = new ProgressLine(respond, ctx.log);
    const rangeText = interaction.options.getString('range');
    await respond.send(await exportFrontHistory(ctx, interaction.user.id, target, { format, rangeText }, progress));
  },
} satisfies Command;
