import type { Command } from '../src/discord/command.js';
import fronters from './fronters.js';
import link from './link.js';
import unlink from './unlink.js';

/** Every command the bot registers, in the order `/help` lists them. Explicit, so the compiler checks it. */
export const commands: readonly Command[] = [link, unlink, fronters];
