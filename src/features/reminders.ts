import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { CommandContext } from '../discord/command.js';
import { truncate } from '../render/limits.js';
import type { RenderedMessage } from '../render/message.js';
import { boldName, memberName } from '../render/names.js';
import { renderReminderList } from '../render/reminders.js';
import { foldText, requireByReference } from './lookup.js';
import { assertRoomFor, checkedNote, MaxRemindersPerSystem, ReminderBook, type Reminder } from './reminder-book.js';

function message(content: string): RenderedMessage {
  return { content, embeds: [], components: [] };
}

/**
 * `/remind add`: a note DMed to the caller when `typedMember` (id, UUID or exact name, in the caller's own
 * linked system) switches in. The note and the limit are checked before PluralKit is asked.
 * @throws {UserFacingError} `NotLinked`, `ReminderNoteEmpty`, `ReminderNoteTooLong`, `TooManyReminders`,
 * `MemberNotFound`, `AmbiguousMember`
 */
export async function addReminder(
  ctx: CommandContext,
  callerId: string,
  typedMember: string,
  note: string,
): Promise<RenderedMessage> {
  const account = await ctx.accounts.require(callerId);
  const text = checkedNote(note);
  const book = new ReminderBook(ctx.settings);
  assertRoomFor(await book.list(account.systemUuid));
  const members = await ctx.accounts.withToken(account, callerId, (token) =>
    ctx.pluralkit.getMembers('@me', { token }),
  );
  const member = requireByReference(members, typedMember, 'member');
  const name = memberName(member);
  const added = await book.add(account.systemUuid, { uuid: member.uuid, name }, text, ctx.now());
  return message(`✅ When ${boldName(name)} switches in, I'll DM you this (reminder \`${added.id}\`):\n${added.note}`);
}

/**
 * `/remind list`: the caller's system's reminders, under their members' names as PluralKit has them now.
 * @throws {UserFacingError} `NotLinked`
 */
export async function listReminders(ctx: CommandContext, callerId: string): Promise<RenderedMessage> {
  const account = await ctx.accounts.require(callerId);
  const reminders = await new ReminderBook(ctx.settings).list(account.systemUuid);
  if (reminders.length === 0) return renderReminderList([], MaxRemindersPerSystem);
  const members = await ctx.accounts.withToken(account, callerId, (token) =>
    ctx.pluralkit.getMembers('@me', { token }),
  );
  const names = new Map(members.map((member) => [member.uuid, memberName(member)]));
  const listed = reminders.map((reminder) => ({ reminder, currentName: names.get(reminder.memberUuid) }));
  return renderReminderList(listed, MaxRemindersPerSystem);
}

/**
 * `/remind remove`: forgets one reminder by its id (what the autocomplete offers).
 * @throws {UserFacingError} `NotLinked`, `ReminderNotFound`
 */
export async function removeReminder(ctx: CommandContext, callerId: string, id: string): Promise<RenderedMessage> {
  const account = await ctx.accounts.require(callerId);
  const removed = await new ReminderBook(ctx.settings).remove(account.systemUuid, id);
  return message(`🗑️ Removed the reminder for ${boldName(removed.memberName)}: ${truncate(removed.note, 1_500)}`);
}

/** Discord shows at most 25 autocomplete choices, each name at most 100 characters. */
const MaxChoices = 25;

function reminderChoice(reminder: Reminder): ApplicationCommandOptionChoiceData<string> {
  const name = `${reminder.memberName}: ${reminder.note.replace(/\s+/g, ' ')}`;
  return { name: truncate(name, 100), value: reminder.id };
}

/**
 * Autocomplete of `/remind remove`: the caller's reminders whose member, note or id contain what was typed.
 * No link means no suggestions.
 */
export async function autocompleteReminders(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const account = await ctx.accounts.find(interaction.user.id);
  const reminders = account === undefined ? [] : await new ReminderBook(ctx.settings).list(account.systemUuid);
  const typed = foldText(String(interaction.options.getFocused()));
  const matching = reminders.filter((reminder) =>
    [reminder.memberName, reminder.note, reminder.id].some((text) => foldText(text).includes(typed)),
  );
  await interaction.respond(matching.slice(0, MaxChoices).map(reminderChoice));
}
