import type { Interaction, RepliableInteraction } from 'discord.js';
import { isUserFacingError, UserErrorMessages } from '../errors.js';
import type { BotMetrics, InteractionOutcome } from '../metrics.js';
import { withRequestId } from '../request-id.js';
import type { Command, CommandContext } from './command.js';
import { decodeCustomId } from './custom-id.js';
import { describeError } from './describe-error.js';
import type { InFlight } from './in-flight.js';
import { Responder, type ResponderOptions } from './responder.js';
import { tokenShapedField } from './token-guard.js';

/** Options for {@link createRouter}. */
export interface RouterOptions {
  /** Defer an interaction that has no answer after this long. @defaultValue 1200 */
  deferAfterMs?: number | undefined;
  /** Where an internal error's id is to be reported (`SUPPORT_URL`); see `describeError`. */
  supportUrl?: string | undefined;
  /** Tracks every interaction being answered, so a shutdown can finish them; while it drains, new ones are turned away. */
  inFlight?: InFlight | undefined;
  /** Counts every interaction by command and outcome, and times its first response. */
  metrics?: BotMetrics | undefined;
}

/** How an interaction is counted: its kind and a registered command's name (`unknown` for any other). */
interface Labels {
  readonly kind: string;
  readonly command: string;
}

/**
 * The single entry point for interactions, and the single error boundary: whatever a handler throws is
 * answered here, ephemerally, and logged at the level it deserves. Nothing escapes as a rejection.
 */
export function createRouter(commands: readonly Command[], ctx: CommandContext, options: RouterOptions = {}) {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  // Each command's sessions are its own, so a control of one command cannot use another's state.
  const scopedContexts = new Map(
    commands.map((command) => [command, { ...ctx, sessions: ctx.sessions.forCommand(command.data.name) }]),
  );
  const scoped = (command: Command): CommandContext => scopedContexts.get(command) ?? ctx;
  const { metrics } = options;
  const labelsOf = (kind: string, name: string | undefined): Labels => ({
    kind,
    command: name !== undefined && byName.has(name) ? name : 'unknown',
  });

  async function run(
    interaction: RepliableInteraction,
    labels: Labels,
    responderOptions: Omit<ResponderOptions, 'deferAfterMs'>,
    handler: (respond: Responder) => Promise<void>,
  ) {
    const respond = new Responder(interaction, {
      ...responderOptions,
      deferAfterMs: options.deferAfterMs,
      onFirstResponse: (ms) => metrics?.firstResponse(labels.kind, ms),
    });
    const { inFlight } = options;
    if (inFlight === undefined) return answer(respond, interaction, labels, handler);
    // Once a shutdown began, a new interaction is told to come back rather than started and cut off.
    const turnedAway = inFlight.draining;
    const work = turnedAway ? () => respond.note(UserErrorMessages.Restarting()) : handler;
    return inFlight.run(
      () => answer(respond, interaction, labels, work, turnedAway ? 'turned_away' : 'ok'),
      () => respond.error(UserErrorMessages.RestartedMidway()),
    );
  }

  async function answer(
    respond: Responder,
    interaction: RepliableInteraction,
    labels: Labels,
    handler: (respond: Responder) => Promise<void>,
    done: InteractionOutcome = 'ok',
  ) {
    let outcome = done;
    try {
      await handler(respond);
    } catch (error) {
      outcome = isUserFacingError(error) ? 'user_error' : 'error';
      const described = describeError(error, { supportUrl: options.supportUrl });
      const where = {
        interaction: interaction.id,
        user: interaction.user.id,
        kind: interaction.type,
        name: nameOf(interaction),
      };
      // A user's own mistake needs no stack in the log; PluralKit trouble and our bugs do.
      const detail = isUserFacingError(error)
        ? { reason: error.identifier }
        : { err: error, errorId: described.errorId };
      ctx.log[described.level]({ ...where, ...detail }, 'interaction failed');
      await respond.error(described.message).catch((replyError: unknown) => {
        ctx.log.warn({ ...where, err: replyError }, 'could not tell the user about an error');
      });
    } finally {
      respond.dispose();
      metrics?.interaction(labels.kind, labels.command, outcome);
    }
  }

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      let outcome: InteractionOutcome = 'ok';
      try {
        // Suggestions could quote what was typed: a token gets none.
        if (tokenShapedField(interaction) !== undefined) await interaction.respond([]);
        else if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
      } catch (error) {
        outcome = 'error';
        ctx.log.warn({ err: error, name: interaction.commandName }, 'autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      metrics?.interaction('autocomplete', labelsOf('autocomplete', interaction.commandName).command, outcome);
      return;
    }

    if (interaction.isChatInputCommand() || interaction.isContextMenuCommand()) {
      const command = byName.get(interaction.commandName);
      const visibility = command?.visibility?.(interaction) ?? { ephemeral: true };
      const kind = interaction.isChatInputCommand() ? 'command' : 'context_menu';
      const labels = labelsOf(kind, interaction.commandName);
      await run(interaction, labels, { mode: 'reply', ephemeral: visibility.ephemeral }, async (respond) => {
        if (command === undefined) return respond.error(UserErrorMessages.UnknownCommand());
        const pasted = tokenShapedField(interaction);
        if (pasted !== undefined) return respond.error(UserErrorMessages.TokenInOption({ option: pasted }));
        const invocation = { respond, ctx: scoped(command) };
        if (interaction.isChatInputCommand() && command.execute) return command.execute({ ...invocation, interaction });
        if (interaction.isUserContextMenuCommand() && command.user) return command.user({ ...invocation, interaction });
        if (interaction.isMessageContextMenuCommand() && command.message)
          return command.message({ ...invocation, interaction });
        return respond.error(UserErrorMessages.UnknownCommand());
      });
      return;
    }

    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const id = decodeCustomId(interaction.customId);
      const command = id === undefined ? undefined : byName.get(id.command);
      // A form opened from a button answers in place, like the button would have; other forms reply privately.
      const fromMessage =
        interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage());
      const mode = fromMessage ? 'update' : 'reply';
      const labels = labelsOf(interaction.isModalSubmit() ? 'modal' : 'component', id?.command);
      await run(interaction, labels, { mode, ephemeral: true }, async (respond) => {
        if (id === undefined || command === undefined) return respond.note(UserErrorMessages.InvalidControl());
        const session = id.session === '-' ? undefined : await ctx.sessions.get(id.session);
        if (id.session !== '-' && session === undefined) {
          if (fromMessage) await respond.send({ components: [] });
          return respond.note(UserErrorMessages.MenuExpired({ command: id.command }));
        }
        // A real session named by another command's control: its state is not what that command expects.
        if (session !== undefined && session.command !== id.command)
          return respond.note(UserErrorMessages.InvalidControl());
        if (session !== undefined && session.ownerId !== interaction.user.id) {
          return respond.note(UserErrorMessages.NotYourMenu({ command: id.command }));
        }
        const pasted = tokenShapedField(interaction);
        if (pasted !== undefined) return respond.error(UserErrorMessages.TokenInOption({ option: pasted }));
        const invocation = { respond, ctx: scoped(command), id, session };
        if (interaction.isMessageComponent() && command.component)
          await command.component({ ...invocation, interaction });
        else if (interaction.isModalSubmit() && command.modal) await command.modal({ ...invocation, interaction });
        // Every control gets an answer: one its command did not take (a forged id, a stale action) is not valid.
        if (!respond.acknowledged) await respond.note(UserErrorMessages.InvalidControl());
      });
    }
  }

  return {
    /** Handles one interaction; never rejects. */
    async handle(interaction: Interaction): Promise<void> {
      try {
        await withRequestId(interaction.id, () => route(interaction));
      } catch (error) {
        ctx.log.error({ err: error, interaction: interaction.id }, 'interaction routing failed');
      }
    },
  };
}

function nameOf(interaction: RepliableInteraction): string {
  if (interaction.isCommand()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return interaction.customId.split(':')[0] ?? '';
  return '';
}
