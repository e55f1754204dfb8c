import { writeFileSync } from 'node:fs';
import { writePictures } from './pictures.js';
import type { PluralKitStandInOptions } from '../../stand-ins/pluralkit/index.js';
import { startOffline } from './offline.js';
import { formatMessage } from './format-message.js';
import { previewSteps } from './script.js';
import type { LiveWorld, PreviewFacts } from './steps.js';

/** The address the preview's bot says it has; PluralKit's stand-in posts to its loopback listener instead. */
const PreviewPublicUrl = 'https://pk-companion.example';

/** Options for {@link runPreview}. */
export interface PreviewOptions {
  /** Use another PluralKit (e.g. `https://api.pluralkit.me/v2`) instead of the built-in stand-in. */
  pluralkitUrl?: string | undefined;
  /** The token to link; needed with `pluralkitUrl`. */
  pkToken?: string | undefined;
  /** Write one JSON line per Discord REST request the bot made (`method`, `path`, `body`). */
  transcript?: string | undefined;
  /** Write every picture the bot attached (charts) into this folder, and print each path. */
  images?: string | undefined;
  /** How the built-in PluralKit stand-in behaves (e.g. its rate limit). @defaultValue production's GCRA */
  pluralkit?: PluralKitStandInOptions | undefined;
  /** Where the readable session goes. @defaultValue console.log */
  print?: ((text: string) => void) | undefined;
}

/**
 * `npm run preview`: boots the real bot against the built-in stand-ins, plays a scripted session (link,
 * then every command the bot has) and prints each reply as a user would read it.
 * @returns the process exit code: 0 when every step got an answer Discord would accept.
 */
export async function runPreview(options: PreviewOptions): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  if (options.pluralkitUrl !== undefined && options.pkToken === undefined) {
    print('--pluralkit-url needs --pk-token: the preview links that token first.');
    return 2;
  }
  const offline = await startOffline({
    pluralkitUrl: options.pluralkitUrl,
    // PluralKit only posts to public https URLs; its stand-in may post to the bot's own loopback listener.
    pluralkit: { ...options.pluralkit, dispatch: { allowLoopbackHttp: true, ...options.pluralkit?.dispatch } },
    env: { PUBLIC_URL: PreviewPublicUrl, DISPATCH_PORT: '0' },
    logLevel: 'silent',
  });
  const { discord, pk, bot } = offline;
  const onStandIn = options.pluralkitUrl === undefined;
  const live: LiveWorld | undefined = onStandIn
    ? {
        pk,
        pluralkit: bot.ctx.pluralkit,
        localUrl: (publicUrl) => `http://127.0.0.1:${bot.dispatchPort}${new URL(publicUrl).pathname}`,
        coalesceMs: offline.config.liveCoalesceMs,
      }
    : undefined;
  const facts: PreviewFacts = {
    token: options.pkToken ?? pk.sample.own.token,
    otherSystemId: onStandIn ? pk.sample.other.systemId : undefined,
    memberIds: [],
    groupIds: [],
    proxiedMessage: onStandIn ? proxiedMessageOf(pk, discord.channel.id) : undefined,
  };
  const registered = new Set(bot.ctx.bot.commands.map((command) => command.name));
  const user = discord.users.alice;
  let failures = 0;
  const shown = new Set<string>();

  print(
    `pk-companion preview: the real bot on a stand-in Discord, PluralKit at ${onStandIn ? 'the built-in stand-in' : options.pluralkitUrl}.\n`,
  );
  for (const [index, step] of previewSteps.entries()) {
    const header = `━━ ${index + 1}. ${step.title}`;
    if (!registered.has(step.command)) {
      print(`${header}\n(skipped: this build has no ${step.command} command)\n`);
      continue;
    }
    const reason = step.skip?.(facts, live);
    if (reason !== undefined) {
      print(`${header}\n(skipped: ${reason})\n`);
      continue;
    }
    try {
      const sentBefore = discord.requests.length;
      const played = await step.play({ discord, user, facts, live });
      const { message, notes } = 'notes' in played ? played : { message: played, notes: [] };
      const pictures =
        options.images === undefined
          ? []
          : writePictures(discord.requests.slice(sentBefore), options.images, `${index + 1}-${step.command}`);
      const text = [...(message === undefined ? [] : [formatMessage(message)]), ...notes.map((note) => `→ ${note}`)];
      print(`${header}\n${text.join('\n')}\n${pictures.map((path) => `Picture: ${path}\n`).join('')}`);
      shown.add(step.command);
      if (step.command === 'link') await learnOwnSystem(facts, bot);
    } catch (error) {
      failures++;
      print(`${header}\n(no answer: ${error instanceof Error ? error.message : String(error)})\n`);
    }
  }

  const notShown = [...registered].filter((name) => !shown.has(name));
  print(
    `Shown ${shown.size} of ${registered.size} commands${notShown.length > 0 ? ` (not shown: ${notShown.join(', ')})` : ''}.`,
  );
  print(
    `The bot made ${discord.requests.length} requests to Discord; ${discord.rejectedBodies.length} had a body Discord would reject.`,
  );
  // On the stand-in, its own count: it sees every request, whoever sent it.
  const sent = onStandIn
    ? { requests: pk.stats.requests, limited: pk.stats.rateLimited }
    : { requests: bot.ctx.pluralkit.stats.upstreamRequests, limited: bot.ctx.pluralkit.stats.rateLimited };
  print(`PluralKit answered ${sent.requests} requests; ${sent.limited} of them 429 (too many requests).`);
  if (options.transcript !== undefined) {
    const lines = discord.requests.map((request) =>
      JSON.stringify({ method: request.method, path: request.path, body: request.body ?? null }),
    );
    writeFileSync(options.transcript, lines.join('\n') + '\n');
    print(`Transcript: ${lines.length} requests written to ${options.transcript}.`);
  }
  await offline.close();
  return failures === 0 && discord.rejectedBodies.length === 0 ? 0 : 1;
}

async function learnOwnSystem(
  facts: PreviewFacts,
  bot: Awaited<ReturnType<typeof startOffline>>['bot'],
): Promise<void> {
  const pluralkit = bot.ctx.pluralkit;
  const system = await pluralkit.getOwnSystem(facts.token);
  facts.ownSystemId = system.id;
  facts.ownSystemUuid = system.uuid;
  const members = await pluralkit.getMembers('@me', { token: facts.token }).catch(() => []);
  facts.memberIds = members.map((member) => member.id);
  const groups = await pluralkit.getGroups('@me', {}, { token: facts.token }).catch(() => []);
  facts.groupIds = groups.map((group) => group.id);
}

function proxiedMessageOf(
  pk: Awaited<ReturnType<typeof startOffline>>['pk'],
  channelId: string,
): PreviewFacts['proxiedMessage'] {
  const id = pk.sample.own.messageIds.at(-1);
  return id === undefined ? undefined : { id, channelId, content: 'A message proxied by PluralKit.' };
}
