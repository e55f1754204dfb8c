import type { z } from 'zod';
import {
  learnEntity,
  learnEntityList,
  learnFrontSwitch,
  learnMessage,
  learnNothing,
  learnSwitches,
  learnSystem,
  type Learn,
  type Target,
} from './learning.js';
import {
  FrontSwitchSchema,
  GroupSchema,
  MemberSchema,
  MessageSchema,
  SwitchSchema,
  SystemSchema,
  SystemSettingsSchema,
} from './schemas.js';

/**
 * Every GET the client sends, as data: its route, the schema of its answer, what it is about (which
 * decides the rate-limit bucket and the cache tags) and what its answer teaches. Refs arrive normalised.
 */

/** One GET: where, what comes back, about what, and what the answer teaches. */
export interface Read<S extends z.ZodType> {
  readonly route: string;
  readonly schema: S;
  readonly expected: string;
  readonly target: Target;
  readonly learn: Learn<z.output<S>>;
  /** 204 means this (fronters with no switches). */
  readonly empty?: z.output<S>;
}

const members = MemberSchema.array();
const groups = GroupSchema.array();
const switches = SwitchSchema.array();
const read = <S extends z.ZodType>(r: Read<S>): Read<S> => r;

/** The reads, by what they return. */
export const Reads = {
  system: (system: string) =>
    read({
      route: `/systems/${system}`,
      schema: SystemSchema,
      expected: 'System',
      target: { system },
      learn: learnSystem,
    }),
  settings: (system: string) =>
    read({
      route: `/systems/${system}/settings`,
      schema: SystemSettingsSchema,
      expected: 'SystemSettings',
      target: { system },
      learn: learnNothing,
    }),
  members: (system: string) =>
    read({
      route: `/systems/${system}/members`,
      schema: members,
      expected: 'Member[]',
      target: { system },
      learn: learnEntityList,
    }),
  member: (entity: string) =>
    read({
      route: `/members/${entity}`,
      schema: MemberSchema,
      expected: 'Member',
      target: { entity },
      learn: learnEntity,
    }),
  groups: (system: string, withMembers: boolean) =>
    read({
      route: `/systems/${system}/groups${withMembers ? '?with_members=true' : ''}`,
      schema: groups,
      expected: 'Group[]',
      target: { system },
      learn: learnEntityList,
    }),
  group: (entity: string) =>
    read({
      route: `/groups/${entity}`,
      schema: GroupSchema,
      expected: 'Group',
      target: { entity },
      learn: learnEntity,
    }),
  groupMembers: (entity: string) =>
    read({
      route: `/groups/${entity}/members`,
      schema: members,
      expected: 'Member[]',
      target: { entity },
      learn: learnEntityList,
    }),
  fronters: (system: string) =>
    read({
      route: `/systems/${system}/fronters`,
      schema: FrontSwitchSchema.nullable(),
      expected: 'FrontSwitch',
      target: { system },
      learn: learnFrontSwitch,
      empty: null,
    }),
  switchPage: (system: string, query: URLSearchParams) =>
    read({
      route: `/systems/${system}/switches${query.size > 0 ? `?${query.toString()}` : ''}`,
      schema: switches,
      expected: 'Switch[]',
      target: { system },
      learn: learnSwitches,
    }),
  switch: (system: string, switchId: string) =>
    read({
      route: `/systems/${system}/switches/${switchId}`,
      schema: FrontSwitchSchema,
      expected: 'FrontSwitch',
      target: { system },
      learn: learnFrontSwitch,
    }),
  message: (messageId: string) =>
    read({
      route: `/messages/${messageId}`,
      schema: MessageSchema,
      expected: 'Message',
      target: {},
      learn: learnMessage,
    }),
};
