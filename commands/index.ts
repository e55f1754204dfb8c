import type { Command } from '../src/discord/command.js';
import announce from './announce.js';
import exportCommand from './export.js';
import fronters from './fronters.js';
import frontersUser from './fronters-user.js';
import frontstats from './frontstats.js';
import frontsync from './frontsync.js';
import group from './group.js';
import groups from './groups.js';
import help from './help.js';
import invite from './invite.js';
import link from './link.js';
import live from './live.js';
import member from './member.js';
import members from './members.js';
import remind from './remind.js';
import switchCommand from './switch.js';
import switches from './switches.js';
import system from './system.js';
import timeline from './timeline.js';
import unlink from './unlink.js';
import whoWasFronting from './who-was-fronting.js';

/** Commands under one heading of `/help`. */
export interface CommandSection {
  readonly title: string;
  readonly commands: readonly Command[];
}

/** Every command the bot registers, under the headings `/help` shows, in the order it lists them. */
export const commandSections: readonly CommandSection[] = [
  { title: 'Linking', commands: [link, unlink] },
  { title: 'Fronting now', commands: [fronters] },
  { title: 'Profiles', commands: [system, member, members, groups, group] },
  { title: 'Switches', commands: [switches, switchCommand, exportCommand] },
  { title: 'Stats', commands: [frontstats, timeline] },
  { title: 'Live', commands: [live, remind] },
  { title: 'In this server', commands: [announce, frontsync] },
  { title: 'Menus', commands: [frontersUser, whoWasFronting] },
  { title: 'About this bot', commands: [invite, help] },
];

/** Every command the bot registers, in the order `/help` lists them. Explicit, so the compiler checks it. */
export const commands: readonly Command[] = commandSections.flatMap((section) => section.commands);
