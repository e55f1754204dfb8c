import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { UserFacingError } from '../errors.js';
import type { SettingsStore } from '../settings/store.js';

/** How many reminders one system may keep. */
export const MaxRemindersPerSystem = 25;
/** The longest note, in characters. */
export const MaxReminderNoteLength = 1000;

const ReminderSchema = z.object({
  /** Short random id, what `/remind remove` names. */
  id: z.string(),
  memberUuid: z.string(),
  /** The member's shown name when the reminder was added: shown if the member is gone since. */
  memberName: z.string(),
  note: z.string(),
  createdAt: z.iso.datetime(),
});

const BookSchema = z.object({ reminders: z.array(ReminderSchema) });

/** One note to DM when its member switches in. */
export type Reminder = z.infer<typeof ReminderSchema>;

/** The member a new reminder is for, as PluralKit returned it. */
export interface ReminderMember {
  readonly uuid: string;
  readonly name: string;
}

/**
 * The note as it will be kept (trimmed). @throws {UserFacingError} `ReminderNoteEmpty`, `ReminderNoteTooLong`
 */
export function checkedNote(note: string): string {
  const text = note.trim();
  if (text === '') throw new UserFacingError('ReminderNoteEmpty');
  if (text.length > MaxReminderNoteLength) {
    throw new UserFacingError('ReminderNoteTooLong', { max: MaxReminderNoteLength, length: text.length });
  }
  return text;
}

/** Refuses a reminder more for a system that has `reminders`. @throws {UserFacingError} `TooManyReminders` */
export function assertRoomFor(reminders: readonly Reminder[]): void {
  if (reminders.length >= MaxRemindersPerSystem) {
    throw new UserFacingError('TooManyReminders', { max: MaxRemindersPerSystem });
  }
}

const idAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

function newReminderId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = Array.from({ length: 5 }, () => idAlphabet[randomInt(idAlphabet.length)]).join('');
    if (!taken.has(id)) return id;
  }
}

/**
 * The reminders of every system, in the settings store under `remind:<system uuid>`: keyed by the system,
 * not the Discord user, so they survive relinking and are the same in every process.
 */
export class ReminderBook {
  constructor(private readonly settings: SettingsStore) {}

  /** The system's reminders, oldest first. @throws {UserFacingError} `SettingsUnavailable` */
  async list(systemUuid: string): Promise<Reminder[]> {
    return (await this.settings.get(keyOf(systemUuid), BookSchema))?.reminders ?? [];
  }

  /**
   * Adds a reminder for `member`.
   * @throws {UserFacingError} `ReminderNoteEmpty`, `ReminderNoteTooLong`, `TooManyReminders`, `SettingsUnavailable`
   */
  async add(systemUuid: string, member: ReminderMember, note: string, now: Date): Promise<Reminder> {
    const text = checkedNote(note);
    const reminders = await this.list(systemUuid);
    assertRoomFor(reminders);
    const reminder: Reminder = {
      id: newReminderId(new Set(reminders.map((r) => r.id))),
      memberUuid: member.uuid,
      memberName: member.name,
      note: text,
      createdAt: now.toISOString(),
    };
    await this.#save(systemUuid, [...reminders, reminder]);
    return reminder;
  }

  /**
   * Removes the reminder with id `id` (any case). @returns the removed reminder.
   * @throws {UserFacingError} `ReminderNotFound`, `SettingsUnavailable`
   */
  async remove(systemUuid: string, id: string): Promise<Reminder> {
    const reminders = await this.list(systemUuid);
    const wanted = id.trim().toLowerCase();
    const removed = reminders.find((r) => r.id === wanted);
    if (removed === undefined) throw new UserFacingError('ReminderNotFound');
    const rest = reminders.filter((r) => r !== removed);
    if (rest.length === 0) await this.settings.delete(keyOf(systemUuid));
    else await this.#save(systemUuid, rest);
    return removed;
  }

  async #save(systemUuid: string, reminders: readonly Reminder[]): Promise<void> {
    await this.settings.set(keyOf(systemUuid), { reminders: [...reminders] } satisfies z.input<typeof BookSchema>);
  }
}

function keyOf(systemUuid: string): string {
  return `remind:${systemUuid}`;
}
