import type { Command } from '../src/discord/command.js';
import fronters from './fronters.js';
import frontersUser from './fronters-user.js';
import frontstats from './frontstats.js';
import group from './group.js';
import groups from './groups.js';
import help from './help.js';
import invite from './invite.js';
import link from './link.js';
import member from './member.js';
import members from './members.js';
import switchCommand from './switch.js';
import switches from './switches.js';
import system from './system.js';
import unlink from './unlink.js';
import whoWasFronting from './who-was-fronting.js';

/** Every command the bot registers, in the order `/help` lists them. Explicit, so the compiler checks it. */
export const commands: readonly Command[] = [
  // Linking
  link,
  unlink,
  // Fronting now
  fronters,
  // Profiles: system, member, members, groups, group
  system,
  member,
  members,
  groups,
  group,
  // Switches: switches, switch
  switches,
  switchCommand,
  // Stats, context menus and bot info: frontstats, fronters-user, who-was-fronting, invite, help
  frontstats,
  frontersUser,
  whoWasFronting,
  invite,
  help,
];
