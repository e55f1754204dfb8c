import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { startHarness, type Harness } from './harness.js';

const places = ['guild', 'bot-dm', 'user-dm', 'group-dm'] as const;

describe('/help and /invite', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.finish());

  for (const where of places) {
    it(`/invite gives the exact install links as link buttons, asking for no permissions (${where})`, async () => {
      const id = h.discord.applicationId;
      const reply = await h.command('invite', {}, { where }).reply();
      expect(reply.ephemeral).toBe(true);
      expect(reply.components).toEqual([
        {
          type: 1,
          components: [
            {
              type: 2,
              style: 5,
              label: 'Add to a server',
              url: `https://discord.com/oauth2/authorize?client_id=${id}&permissions=0&integration_type=0&scope=bot+applications.commands`,
            },
            {
              type: 2,
              style: 5,
              label: 'Add with front sync',
              // Manage Roles (1 << 28) and Manage Nicknames (1 << 27), and nothing else.
              url: `https://discord.com/oauth2/authorize?client_id=${id}&permissions=${2 ** 28 + 2 ** 27}&integration_type=0&scope=bot+applications.commands`,
            },
            {
              type: 2,
              style: 5,
              label: 'Add to your account',
              url: `https://discord.com/oauth2/authorize?client_id=${id}&integration_type=1&scope=applications.commands`,
            },
          ],
        },
      ]);
      assertWithinDiscordLimits(reply);
    });
  }

  for (const where of places) {
    it(`/help lists every registered command and menu with its description (${where})`, async () => {
      const reply = await h.command('help', {}, { where }).reply();
      expect(reply.ephemeral).toBe(true);
      const description = reply.embeds[0]?.description ?? '';
      expect(description).toMatch(/^Link your PluralKit system with `\/link`/);
      expect(description).toContain('Answers about your own system are private unless you set `public`.');
      const registered = h.discord.commands.global;
      expect(registered.length).toBeGreaterThanOrEqual(10);
      for (const command of registered) {
        if (command.type === ApplicationCommandType.ChatInput) {
          const subcommands = (command.options ?? []).filter(
            (o) =>
              o.type === ApplicationCommandOptionType.Subcommand ||
              o.type === ApplicationCommandOptionType.SubcommandGroup,
          );
          if (subcommands.length === 0) expect(description).toContain(`\`/${command.name}\` ${command.description}`);
          else for (const sub of subcommands) expect(description).toContain(`\`/${command.name} ${sub.name}\``);
        } else {
          const kind = command.type === ApplicationCommandType.User ? 'user' : 'message';
          expect(description).toContain(`**${command.name}** (on a ${kind}: right-click or long-press → Apps)`);
        }
      }
      expect(description).toContain(
        "**Fronters** (on a user: right-click or long-press → Apps) That user's system's current fronters.",
      );
      expect(description).toContain(
        '**Who was fronting?** (on a message: right-click or long-press → Apps) The system and member behind a message',
      );
      // Grouped under the headings of commands/index.ts, in that order.
      const titles = [
        'Linking',
        'Fronting now',
        'Profiles',
        'Switches',
        'Stats',
        'Live',
        'In this server',
        'Menus',
        'About this bot',
      ];
      const headings = titles.map((t) => description.indexOf(`\n**${t}**\n`));
      expect(headings.every((at) => at > 0)).toBe(true);
      expect([...headings].sort((a, b) => a - b)).toEqual(headings);
      /** Whether `command` is listed under `title`, before the next heading. */
      const under = (command: string, title: string) => {
        const at = description.indexOf(command);
        const i = titles.indexOf(title);
        return at > headings[i]! && (i + 1 === headings.length || at < headings[i + 1]!);
      };
      expect(under('`/switch in`', 'Switches')).toBe(true);
      expect(under('`/export`', 'Switches')).toBe(true);
      expect(under('`/remind add`', 'Live')).toBe(true);
      expect(under('`/announce', 'In this server')).toBe(true);
      const fields = Object.fromEntries((reply.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
      expect(fields['Times and ranges']).toContain('`10 minutes ago`');
      expect(fields['Times and ranges']).toContain('`since 2025-01-01`');
      expect(fields['Times and ranges']).toContain('`/export` take a `range`');
      expect(fields['For server admins']).toContain('Server Settings → Integrations');
      expect(fields['What I keep about you']).toContain('`/unlink`');
      assertWithinDiscordLimits(reply);
    });
  }
});
