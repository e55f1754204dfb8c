import { postedMessage } from '../../stand-ins/discord/index.js';
import { liveSteps } from './live-steps.js';
import { click, slash, where, type PreviewStep } from './steps.js';

/** The scripted session: link first, then every command the bot has, the way a new user would try them. */
export const previewSteps: readonly PreviewStep[] = [
  slash('What can this bot do?', 'help'),
  {
    title: 'Link your PluralKit system (a private form, then PluralKit checks the token)',
    command: 'link',
    async play({ discord, user, facts }) {
      const shown = discord.dispatchInteraction(discord.chatInput('link', {}, { ...where, user }));
      await shown.firstResponse();
      const form = shown.modal;
      if (form === undefined) return shown.reply();
      return discord
        .dispatchInteraction(discord.modalSubmit(form.custom_id, { token: facts.token }, { ...where, user }))
        .reply(20_000);
    },
  },
  slash('Who is fronting right now?', 'fronters'),
  {
    ...slash("Someone else's fronters (public view)", 'fronters', (f) => ({ system: f.otherSystemId ?? '' })),
    skip: (f) => (f.otherSystemId === undefined ? 'no other system to look at on this PluralKit' : undefined),
  },
  slash('Your system card', 'system'),
  {
    ...slash('A member card', 'member', (f) => ({ member: f.memberIds[0] ?? '' })),
    skip: (f) => (f.memberIds.length === 0 ? 'your system has no members I can see' : undefined),
  },
  {
    title: 'Your member list, then the next page',
    command: 'members',
    async play(ctx) {
      const first = await slash('', 'members').play(ctx);
      return click(ctx.discord, ctx.user, first, 'next');
    },
  },
  slash('Your groups', 'groups'),
  {
    ...slash('One group and its members', 'group', (f) => ({ group: f.groupIds[0] ?? '' })),
    skip: (f) => (f.groupIds.length === 0 ? 'your system has no groups I can see' : undefined),
  },
  {
    title: 'Front history, then one page further back',
    command: 'switches',
    async play(ctx) {
      const first = await slash('', 'switches').play(ctx);
      return click(ctx.discord, ctx.user, first, 'next');
    },
  },
  {
    ...slash('Log a switch that happened 10 minutes ago', 'switch in', (f) => ({
      member: f.memberIds[1] ?? f.memberIds[0] ?? '',
      time: '10 minutes ago',
    })),
    skip: (f) => (f.memberIds.length === 0 ? 'your system has no members to switch in' : undefined),
  },
  {
    title: 'Switch out, then Undo it (the same confirm as deleting in /switch edit)',
    command: 'switch',
    async play(ctx) {
      const out = await slash('', 'switch out').play(ctx);
      return click(ctx.discord, ctx.user, await click(ctx.discord, ctx.user, out, 'undo'), 'confirm');
    },
  },
  {
    title: 'Edit any past switch: pick one from the history',
    command: 'switch',
    play: (ctx) => slash('', 'switch edit').play(ctx),
  },
  slash('A picture of the last 7 days of front history', 'timeline'),
  {
    title: 'Add a note to be DMed when a member switches in, then list your reminders',
    command: 'remind',
    skip: (f) => (f.memberIds.length === 0 ? 'your system has no members to remind about' : undefined),
    async play(ctx) {
      await slash('', 'remind add', (f) => ({ member: f.memberIds[0] ?? '', note: 'Take your meds 💊' })).play(ctx);
      return slash('', 'remind list').play(ctx);
    },
  },
  slash('Front stats over the last 30 days', 'frontstats', () => ({ range: '30d' })),
  slash("The same in PluralKit's flat mode, where the shares add up to 100%", 'frontstats', () => ({
    range: '30d',
    flat: true,
  })),
  slash('When anyone fronts, by weekday and hour of day (a heat map)', 'frontstats', () => ({
    range: '30d',
    chart: 'hours',
  })),
  {
    title: 'Export the last 30 days as a calendar file (only you see it; a progress line while pages load)',
    command: 'export',
    async play({ discord, user }) {
      const shown = discord.dispatchInteraction(discord.chatInput('export', { format: 'ics' }, { ...where, user }));
      // The first visible reply is the progress line; the file comes with the edit that replaces it.
      const done = await shown.waitFor((r) => r.original !== undefined && r.original.attachments.length > 0, 20_000);
      return structuredClone(done.original!);
    },
  },
  {
    title: 'Right-click a user → Apps → Fronters',
    command: 'Fronters',
    play: ({ discord, user }) =>
      discord.dispatchInteraction(discord.userContext('Fronters', user, { ...where, user })).reply(20_000),
  },
  {
    title: 'Right-click a proxied message → Apps → Who was fronting?',
    command: 'Who was fronting?',
    skip: (f) =>
      f.proxiedMessage === undefined ? 'this PluralKit has no proxied message of yours to point at' : undefined,
    play: ({ discord, user, facts }) => {
      const message = facts.proxiedMessage ?? { id: '1', channelId: discord.channel.id, content: '' };
      const target = postedMessage({
        id: message.id,
        channelId: message.channelId,
        author: discord.botUser,
        content: message.content,
        sentAt: new Date(),
      });
      return discord
        .dispatchInteraction(discord.messageContext('Who was fronting?', target, { ...where, user }))
        .reply(20_000);
    },
  },
  {
    title: 'An admin picks the channel front changes are posted in',
    command: 'announce',
    play: ({ discord, user }) =>
      discord
        .dispatchInteraction(discord.chatInput('announce channel', { channel: discord.channel.id }, { ...where, user }))
        .reply(20_000),
  },
  slash('Announce your own front changes in this server', 'announce me', () => ({ state: 'on' })),
  slash('Let nicknames follow the front (the bot says which permission it lacks)', 'frontsync server', () => ({
    nickname: 'on',
  })),
  ...liveSteps,
  slash('Invite links', 'invite'),
  slash('Forget your token', 'unlink'),
];
