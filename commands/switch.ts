import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { defineSessions } from '../src/discord/sessions.js';
import { autocompleteMembers } from '../src/features/entity-choices.js';
import { EditFormField } from '../src/features/switch-edit-forms.js';
import {
  editorComponent,
  editorForm,
  EditorForm,
  openSwitchEditor,
  renderEditor,
  type EditorState,
} from '../src/features/switch-edit.js';
import { logSwitch } from '../src/features/switch-log.js';
import { withUndoButton } from '../src/render/switch-edit.js';

/** How many members `/switch in` takes as options (PluralKit allows more; the edit form takes any number). */
const MemberOptions = 8;
const timeHelp = 'When it happened, e.g. "10 minutes ago" or "2025-06-01 21:30" (default: now)';

/** The editor behind `/switch edit` and behind a logged switch's Undo button. */
const sessions = defineSessions<EditorState>('switch');

function typedMembers(interaction: ChatInputCommandInteraction): string[] {
  const names = ['member', ...Array.from({ length: MemberOptions - 1 }, (_, i) => `member${i + 2}`)];
  return names.flatMap((name) => interaction.options.getString(name) ?? []);
}

const data = new SlashCommandBuilder()
  .setName('switch')
  .setDescription('Log, end or edit switches of your own system')
  .addSubcommand((sub) => {
    sub.setName('in').setDescription('Log a switch: these members front now (or since a time)');
    for (let i = 1; i <= MemberOptions; i++) {
      sub.addStringOption((o) =>
        o
          .setName(i === 1 ? 'member' : `member${i}`)
          .setDescription(i === 1 ? 'Who fronts (name or id)' : 'Also fronting')
          .setRequired(i === 1)
          .setAutocomplete(true)
          .setMaxLength(100),
      );
    }
    return sub.addStringOption((o) => o.setName('time').setDescription(timeHelp).setMaxLength(100));
  })
  .addSubcommand((sub) =>
    sub
      .setName('out')
      .setDescription('Log a switch-out: nobody fronts now (or since a time)')
      .addStringOption((o) => o.setName('time').setDescription(timeHelp).setMaxLength(100)),
  )
  .addSubcommand((sub) => sub.setName('edit').setDescription('Move, change or delete any past switch'));

/** `/switch in|out|edit`: writes to the caller's own system only, with their linked token. Always private. */
export default {
  data: data.toJSON(),
  visibility: () => ({ ephemeral: true }),
  async execute({ interaction, respond, ctx }) {
    const sub = interaction.options.getSubcommand();
    if (sub === 'edit') {
      const session = await sessions.create(
        ctx.sessions,
        interaction.user.id,
        await openSwitchEditor(ctx, interaction.user.id),
      );
      return respond.send(renderEditor(session.state, sessions.controls(session), ctx.now()));
    }
    const members = sub === 'in' ? typedMembers(interaction) : [];
    const logged = await logSwitch(ctx, interaction.user.id, { members, time: interaction.options.getString('time') });
    await respond.send(
      withUndoButton(
        logged.message,
        sessions.controls(await sessions.create(ctx.sessions, interaction.user.id, logged.undo)),
      ),
    );
  },
  autocomplete: autocompleteMembers,
  async component({ interaction, respond, ctx, id, ...routed }) {
    const session = sessions.of(routed.session);
    if (session === undefined) return;
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const answer = await editorComponent(ctx, interaction.user.id, session.state, sessions.controls(session), {
      ...id,
      values,
    });
    await ctx.sessions.save(session);
    if (answer.kind === 'modal') return respond.showModal(answer.modal);
    await respond.send(answer.body);
  },
  async modal({ interaction, respond, ctx, id, ...routed }) {
    const session = sessions.of(routed.session);
    if (session === undefined) return;
    const field = id.action === EditorForm.move ? EditFormField.time : EditFormField.members;
    const text = interaction.fields.getTextInputValue(field);
    const answer = await editorForm(
      ctx,
      interaction.user.id,
      session.state,
      sessions.controls(session),
      id.action,
      text,
    );
    await ctx.sessions.save(session);
    await respond.send(answer);
  },
} satisfies Command;
