import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { autocompleteMembers } from '../src/features/entity-choices.js';
import { MaxReminderNoteLength } from '../src/features/reminder-book.js';
import { addReminder, autocompleteReminders, listReminders, removeReminder } from '../src/features/reminders.js';

const data = new SlashCommandBuilder()
  .setName('remind')
  .setDescription('Notes I DM you when a member of your system switches in')
  .addSubcommand((sub) =>
    sub
      .setName('add')
      .setDescription('DM me this note whenever this member switches in')
      .addStringOption((o) =>
        o
          .setName('member')
          .setDescription('Who (name or id)')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .addStringOption((o) =>
        o
          .setName('note')
          .setDescription(`What to DM you (up to ${MaxReminderNoteLength} characters)`)
          .setRequired(true)
          .setMaxLength(MaxReminderNoteLength),
      ),
  )
  .addSubcommand((sub) => sub.setName('list').setDescription("Your system's reminders, by member"))
  .addSubcommand((sub) =>
    sub
      .setName('remove')
      .setDescription('Forget one reminder')
      .addStringOption((o) =>
        o
          .setName('reminder')
          .setDescription('Which one (pick while you type)')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(100),
      ),
  );

/** `/remind add|list|remove`: reminders of the caller's own linked system. Always private. */
export default {
  data: data.toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const sub = interaction.options.getSubcommand();
    const caller = interaction.user.id;
    if (sub === 'list') return respond.send(await listReminders(ctx, caller));
    if (sub === 'remove') {
      return respond.send(await removeReminder(ctx, caller, interaction.options.getString('reminder', true)));
    }
    const member = interaction.options.getString('member', true);
    await respond.send(await addReminder(ctx, caller, member, interaction.options.getString('note', true)));
  },
  autocomplete(interaction, ctx) {
    return interaction.options.getSubcommand() === 'remove'
      ? autocompleteReminders(interaction, ctx)
      : autocompleteMembers(interaction, ctx);
  },
} satisfies Command;
