import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { livePollOff, livePollOn, liveStatusWithPolling } from '../src/features/live-poll.js';
import { liveOff, liveSetup, saveSigningToken, signingTokenForm } from '../src/features/live.js';

/** `/live setup|status|off|poll`: PluralKit's dispatch events for the user's linked system. */
export default {
  data: new SlashCommandBuilder()
    .setName('live')
    .setDescription('Let PluralKit tell me about your switches as they happen')
    .addSubcommand((sub) =>
      sub
        .setName('setup')
        .setDescription('Set up live events: the command for PluralKit, and a form for its signing token'),
    )
    .addSubcommand((sub) =>
      sub.setName('status').setDescription('Whether live events arrive, and when the last one did'),
    )
    .addSubcommand((sub) => sub.setName('off').setDescription('Turn live events off and forget the webhook'))
    .addSubcommand((sub) =>
      sub
        .setName('poll')
        .setDescription('Have me read your fronters regularly, for a system without a webhook')
        .addStringOption((option) =>
          option
            .setName('state')
            .setDescription('on or off')
            .setRequired(true)
            .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
        ),
    )
    .toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const sub = interaction.options.getSubcommand(true);
    const user = interaction.user.id;
    const answers = {
      setup: liveSetup,
      status: liveStatusWithPolling,
      off: liveOff,
      poll: (...args: Parameters<typeof livePollOn>) =>
        (interaction.options.getString('state', true) === 'on' ? livePollOn : livePollOff)(...args),
    };
    const answer = answers[sub as keyof typeof answers](ctx, user);
    await respond.send(await answer);
  },
  async component({ id, respond }) {
    if (id.action === 'token') await respond.showModal(signingTokenForm());
  },
  async modal({ interaction, respond, ctx }) {
    const pasted = interaction.fields.getTextInputValue('signing_token');
    await respond.send(await saveSigningToken(ctx, interaction.user.id, pasted));
  },
} satisfies Command;
