import type { REST } from 'discord.js';
import { sendDirectMessages } from '../discord/direct-message.js';
import { describeDiscordRequestError, isDiscordRequestError } from '../discord/request-error.js';
import { switchedIn, type FrontChange, type FrontChangeListener } from '../live/front-change.js';
import type { ChangeClaims } from '../live/change-claims.js';
import type { Logger } from '../log.js';
import { memberName } from '../render/names.js';
import { renderReminderDm, type DueReminders } from '../render/reminders.js';
import type { SettingsStore } from '../settings/store.js';
import { ReminderBook } from './reminder-book.js';

/** What {@link remindOnSwitch} needs. */
export interface RemindOnSwitchDeps {
  readonly settings: SettingsStore;
  /** Shared across processes, so a change read twice sends its reminders once. */
  readonly claims: ChangeClaims;
  /** Discord REST with the bot's token (works without a gateway). */
  readonly rest: REST;
  readonly log: Logger;
}

/**
 * The `remind` listener: when members with reminders switch in, DMs their notes to the user who linked the
 * system, in one DM per change (private fronts too: a DM is private). Each switch and member is claimed first,
 * so every process together sends a reminder at most once per switch. A user whose DMs are closed is logged,
 * and the claim stays, so that switch is not tried again. Never throws.
 */
export function remindOnSwitch(deps: RemindOnSwitchDeps): FrontChangeListener {
  const book = new ReminderBook(deps.settings);
  return {
    name: 'remind',
    async onFrontChange(change) {
      try {
        await remind(deps, book, change);
      } catch (error) {
        const err = isDiscordRequestError(error) ? describeDiscordRequestError(error) : error;
        deps.log.warn({ err, system: change.system.id }, 'could not send switch-in reminders');
      }
    },
  };
}

async function remind(deps: RemindOnSwitchDeps, book: ReminderBook, change: FrontChange): Promise<void> {
  const arrived = switchedIn(change);
  if (arrived.length === 0 || change.current === undefined) return;
  const reminders = await book.list(change.system.uuid);
  const due: DueReminders[] = [];
  for (const member of arrived) {
    const notes = reminders.filter((reminder) => reminder.memberUuid === member.uuid).map((r) => r.note);
    if (notes.length === 0) continue;
    if (!(await deps.claims.claim(`remind:sent:${change.current.id}:${member.uuid}`))) continue;
    due.push({ name: memberName(member), notes });
  }
  if (due.length === 0) return;
  const outcome = await sendDirectMessages(deps.rest, change.userId, renderReminderDm(due));
  if (outcome === 'closed') {
    deps.log.info({ user: change.userId, system: change.system.id }, 'reminder not sent: the user does not accept DMs');
  } else {
    deps.log.debug({ user: change.userId, members: due.length }, 'sent switch-in reminders');
  }
}
