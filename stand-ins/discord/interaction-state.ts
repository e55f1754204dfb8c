import type {
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { ChangeSignal } from './change-signal.js';
import type { MessageState } from './messages.js';

/** An accepted interaction callback. `atMs` is measured from the moment INTERACTION_CREATE was sent. */
export interface InteractionResponse {
  type: number;
  body: unknown;
  atMs: number;
}

/** Everything the stand-in knows about one interaction; tests read it through an `InteractionHandle`. */
export interface InteractionRecord {
  readonly payload: APIInteraction;
  /** Unix ms when INTERACTION_CREATE went out on the gateway (null until then). */
  sentAt: number | null;
  /** Accepted callbacks; Discord accepts exactly one, so this holds at most one entry. */
  responses: InteractionResponse[];
  /** The original response after every edit (for component updates: the message the component sat on). */
  original: MessageState | undefined;
  followUps: MessageState[];
  /** How many edits this interaction's token made to `original` (a component's message may have older edits). */
  originalEdits: number;
  modal: APIModalInteractionResponseCallbackData | undefined;
  /** Choices answered to an autocomplete interaction. */
  choices: APIApplicationCommandOptionChoice[] | undefined;
  /** Human-readable notes about failed requests for this interaction, shown when a wait times out. */
  problems: string[];
}

/** A live view of one dispatched interaction, with waits for what the bot does with it. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  /** Resolves once INTERACTION_CREATE has been written to the bot's gateway socket. */
  readonly sent: Promise<void>;
  /** The first accepted callback (type 4/5/6/7/8/9) with its body and delay since dispatch. */
  firstResponse(timeoutMs?: number): Promise<InteractionResponse>;
  /**
   * Resolves with a copy of the visible answer: a reply (4), an update (7), or a deferral (5/6) that has since
   * been edited. A deferred reply alone does not count: the user still sees "thinking…"; nor does a deleted one.
   */
  reply(timeoutMs?: number): Promise<MessageState>;
  /** Waits until `predicate(record)` holds (for multi-step flows, e.g. two follow-ups). */
  waitFor(predicate: (record: InteractionRecord) => boolean, timeoutMs?: number): Promise<InteractionRecord>;
  readonly original: MessageState | undefined;
  readonly followUps: MessageState[];
  readonly modal: APIModalInteractionResponseCallbackData | undefined;
  readonly choices: APIApplicationCommandOptionChoice[] | undefined;
  readonly record: InteractionRecord;
}

/** A record for an interaction about to be sent, with nothing answered yet. */
export function newInteractionRecord(payload: APIInteraction): InteractionRecord {
  return {
    payload,
    sentAt: null,
    responses: [],
    original: undefined,
    followUps: [],
    originalEdits: 0,
    modal: undefined,
    choices: undefined,
    problems: [],
  };
}

/** Default wait for handle methods; generous because CI machines are slow, yet far below vitest's timeout. */
export const DEFAULT_WAIT_MS = 5_000;

function describeRecord(record: InteractionRecord, waitingFor: string): string {
  const first = record.responses[0];
  const seen = first === undefined ? 'no callback at all' : `callback type ${first.type} after ${first.atMs} ms`;
  const problems = record.problems.length > 0 ? `; problems: ${record.problems.join(' | ')}` : '';
  return (
    `Interaction ${record.payload.id} (type ${record.payload.type}): waited for ${waitingFor} but saw ${seen}, ` +
    `original ${record.original === undefined ? 'none' : record.original.loading ? 'still loading' : 'present'}, ` +
    `${record.followUps.length} follow-up(s)${problems}`
  );
}

/** Wraps a record in the handle tests use. */
export function createHandle(record: InteractionRecord, signal: ChangeSignal, sent: Promise<void>): InteractionHandle {
  const wait = <T>(probe: () => T | undefined, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> =>
    signal.waitFor(probe, timeoutMs, () => describeRecord(record, what));
  return {
    id: record.payload.id,
    token: record.payload.token,
    payload: record.payload,
    sent,
    record,
    firstResponse: (timeoutMs) => wait(() => record.responses[0], 'a first response', timeoutMs),
    reply: (timeoutMs) =>
      wait(
        () => {
          const original = record.original;
          const answered = record.responses.some((r) => r.type === 4 || r.type === 7);
          return original !== undefined &&
            !original.loading &&
            !original.deleted &&
            (answered || record.originalEdits > 0)
            ? structuredClone(original)
            : undefined;
        },
        'a visible reply',
        timeoutMs,
      ),
    waitFor: (predicate, timeoutMs) => wait(() => (predicate(record) ? record : undefined), 'the predicate', timeoutMs),
    get original() {
      return record.original;
    },
    get followUps() {
      return record.followUps;
    },
    get modal() {
      return record.modal;
    },
    get choices() {
      return record.choices;
    },
  };
}
