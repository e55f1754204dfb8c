/**
 * Every numeric `code` PluralKit puts in an error body, by name.
 * Several HTTP statuses share code `0` (bad request, unauthorised, forbidden, rate limited, server error);
 * for those, read {@link PluralKitAPIError.status}.
 * @see https://pluralkit.me/api/errors/
 */
export const PluralKitErrorCode = {
  /** Code 0: a generic error; the HTTP status says which (400, 401, 403, 410, 429, 500). */
  Generic: 0,
  SystemNotFound: 20001,
  MemberNotFound: 20002,
  /** A member ref inside a request body (`Member '{ref}' not found.`). */
  MemberRefNotFound: 20003,
  GroupNotFound: 20004,
  /** A group ref inside a request body (`Group '{ref}' not found.`). */
  GroupRefNotFound: 20005,
  MessageNotFound: 20006,
  SwitchNotFound: 20007,
  /** Switch not found, belongs to a different system, or front history is private. */
  SwitchNotFoundOrPrivate: 20008,
  SystemGuildSettingsNotFound: 20009,
  MemberGuildSettingsNotFound: 20010,
  MemberListPrivate: 30001,
  GroupListPrivate: 30002,
  GroupMemberListPrivate: 30003,
  FrontersPrivate: 30004,
  FrontHistoryPrivate: 30005,
  MemberNotInYourSystem: 30006,
  GroupNotInYourSystem: 30007,
  /** A member ref inside a body is not yours (`Member '{ref}' is not part of your system.`). */
  MemberRefNotInYourSystem: 30008,
  /** A group ref inside a body is not yours (`Group '{ref}' is not part of your system.`). */
  GroupRefNotInYourSystem: 30009,
  /** The body failed validation; the error's `errors` map says which fields. */
  InvalidModel: 40001,
  /** Documented but never raised by PluralKit. */
  MissingAutoproxyMember: 40002,
  DuplicateMembers: 40003,
  SameSwitchMembers: 40004,
  SameSwitchTimestamp: 40005,
  /** Documented but effectively unreachable: an invalid switch id gives a 500 first. */
  InvalidSwitchId: 40006,
  MemberLimitReached: 40007,
  GroupLimitReached: 40008,
  /** Defined but never raised by PluralKit. */
  LatchAutoproxyMember: 40009,
  Unimplemented: 50001,
} as const;

/** One of the numeric codes in {@link PluralKitErrorCode}. */
export type PluralKitErrorCode = (typeof PluralKitErrorCode)[keyof typeof PluralKitErrorCode];
