import type { Group, Member, Switch, System } from '../../src/pluralkit/schemas.js';
import type { RenderControls } from '../../src/render/message.js';

/** A deterministic UUID from a number. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A system as its owner sees it, with everything unset. */
export function makeSystem(overrides: Partial<System> = {}): System {
  return {
    id: 'exmpl',
    uuid: uuid(1),
    name: null,
    description: null,
    tag: null,
    pronouns: null,
    avatar_url: null,
    banner: null,
    color: null,
    created: null,
    privacy: null,
    ...overrides,
  };
}

/** A member with only a name. */
export function makeMember(id: string, name: string, overrides: Partial<Member> = {}): Member {
  return {
    id,
    uuid: uuid(parseInt(id, 36) % 1e12),
    system: 'exmpl',
    name,
    display_name: null,
    color: null,
    birthday: null,
    pronouns: null,
    avatar_url: null,
    banner: null,
    description: null,
    created: null,
    keep_proxy: false,
    proxy_tags: [],
    privacy: null,
    ...overrides,
  };
}

/** A group with only a name. */
export function makeGroup(id: string, name: string, overrides: Partial<Group> = {}): Group {
  return {
    id,
    uuid: uuid(parseInt(id, 36) % 1e12),
    system: 'exmpl',
    name,
    display_name: null,
    description: null,
    icon: null,
    banner: null,
    color: null,
    created: null,
    privacy: null,
    ...overrides,
  };
}

/** A switch with a deterministic id. */
export function makeSwitch(n: number, timestamp: string, members: string[]): Switch {
  return { id: uuid(1000 + n), timestamp, members };
}

/** Controls that spell ids as `t:action:arg`, so tests can see what each control does. */
export const testControls: RenderControls = { customId: (action, arg) => `t:${action}:${arg ?? ''}` };
