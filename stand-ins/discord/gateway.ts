import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { judgeIdentify } from './identify.js';
import { isOnShard, type ShardPair } from './shards.js';

/** Something that happened on the gateway, for assertions like "the client resumed instead of re-identifying". */
export interface GatewayEvent {
  kind: 'connect' | 'identify' | 'resume' | 'heartbeat' | 'ignored-op' | 'close' | 'rejected';
  at: number;
  detail?: string;
}

/** What the gateway needs from the rest of the stand-in. */
export interface GatewayOptions {
  heartbeatIntervalMs: number;
  botToken: string;
  ready(sessionId: string, resumeUrl: string, shard: ShardPair): GatewayReadyDispatchData;
  /** The guilds of `shard`, each sent as a GUILD_CREATE after READY when the Guilds intent is asked for. */
  guildCreates(shard: ShardPair): readonly GatewayGuildCreateDispatchData[];
  /** Called whenever readiness changes, so waits on "a ready connection" re-check. */
  onChange(): void;
  /** Privileged intents enabled for the app in the Developer Portal (GuildMembers, GuildPresences, MessageContent). */
  privilegedIntents: number;
}

export { PRIVILEGED_INTENTS } from './identify.js';

/** GUILDS: without it Discord sends no GUILD_CREATE. */
const GUILDS_INTENT = 1 << 0;

interface Connection {
  socket: WebSocket;
  sessionId: string | null;
  ready: boolean;
}

interface Session {
  seq: number;
  intents: number;
  shard: ShardPair;
}

/** The gateway half of the stand-in: HELLO/IDENTIFY/READY/GUILD_CREATE, heartbeats, RESUME, and faults on demand. */
export class FakeGateway {
  readonly events: GatewayEvent[] = [];
  /** Base URL handed out by `GET /gateway/bot`; set once the server listens. */
  url = '';
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  readonly #sessions = new Map<string, Session>();
  /** Heartbeats left to leave unacknowledged (a zombied connection, as discord.js sees it). */
  #withheldAcks = 0;

  constructor(private readonly options: GatewayOptions) {}

  /** Accepts an upgrade on any path (`/?v=10&encoding=json` first, the resume URL later). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, req.url ?? '/'));
  }

  /** Intents of the session that gets events for `guildId` (undefined: DMs, shard 0); 0 before IDENTIFY. */
  intentsFor(guildId?: string): number {
    const connection = this.#readyConnection(guildId);
    return connection?.sessionId ? (this.#sessions.get(connection.sessionId)?.intents ?? 0) : 0;
  }

  /** `[id, count]` of every ready connection, in the order they became ready. */
  get readyShards(): ShardPair[] {
    return [...this.#connections].filter((c) => c.ready).map((c) => this.#shard(c));
  }

  /** Accepted IDENTIFYs: each starts a session and counts against `session_start_limit`. */
  get identifyCount(): number {
    return this.events.filter((e) => e.kind === 'identify').length;
  }

  /** Leaves the next `count` heartbeats without HEARTBEAT_ACK (Infinity: until cleared with 0). */
  withholdHeartbeatAcks(count = Infinity): void {
    this.#withheldAcks = count;
  }

  /** True when a connection has finished READY or RESUMED and may receive dispatches. */
  get isReady(): boolean {
    return [...this.#connections].some((c) => c.ready);
  }

  /** True when the shard that gets events for `guildId` (undefined: DMs) is ready. */
  isReadyFor(guildId?: string): boolean {
    return this.#readyConnection(guildId) !== undefined;
  }

  /** Sends a dispatch (op 0) to the shard of `guildId` (undefined: shard 0); false if it is not connected. */
  dispatch(t: string, d: unknown, guildId?: string): boolean {
    const connection = this.#readyConnection(guildId);
    if (!connection?.sessionId) return false;
    this.#send(connection, t, d);
    return true;
  }

  /** Sends op 7 RECONNECT: the client should reopen on the resume URL and RESUME. */
  requestReconnect(): void {
    this.#toAll((c) => this.#op(c, GatewayOpcodes.Reconnect, null));
  }

  /** Sends op 9 INVALID_SESSION; with `resumable: false` the session is forgotten and the client must IDENTIFY. */
  invalidateSession(resumable = false): void {
    this.#toAll((c) => {
      if (!resumable && c.sessionId) this.#sessions.delete(c.sessionId);
      this.#op(c, GatewayOpcodes.InvalidSession, resumable);
    });
  }

  /** Kills every socket without a close frame, like a network drop (the client sees 1006 and resumes). */
  dropConnections(): void {
    this.#toAll((c) => c.socket.terminate());
  }

  /** Closes every socket with `code` (e.g. 4000 unknown error → resume, 4004 auth failed, 4014 disallowed intents). */
  closeConnections(code: number, reason = ''): void {
    this.#toAll((c) => c.socket.close(code, reason));
  }

  /** Terminates everything; used by `close()`. */
  async shutdown(): Promise<void> {
    for (const c of this.#connections) c.socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #readyConnection(guildId?: string): Connection | undefined {
    return [...this.#connections].reverse().find((c) => c.ready && isOnShard(guildId, this.#shard(c)));
  }

  #shard(connection: Connection): ShardPair {
    return this.#sessions.get(connection.sessionId ?? '')?.shard ?? [0, 1];
  }

  #toAll(action: (c: Connection) => void): void {
    for (const c of this.#connections) {
      c.ready = false;
      action(c);
    }
    this.options.onChange();
  }

  #accept(socket: WebSocket, path: string): void {
    const connection: Connection = { socket, sessionId: null, ready: false };
    this.#connections.add(connection);
    this.#log('connect', path);
    socket.on('message', (data: Buffer) => this.#onMessage(connection, data.toString('utf8')));
    socket.on('close', (code) => {
      this.#connections.delete(connection);
      this.#log('close', String(code));
      this.options.onChange();
    });
    socket.on('error', () => socket.terminate());
    this.#op(connection, GatewayOpcodes.Hello, { heartbeat_interval: this.options.heartbeatIntervalMs });
  }

  #onMessage(connection: Connection, text: string): void {
    let payload: { op?: number; d?: Record<string, unknown> | null };
    try {
      payload = JSON.parse(text) as typeof payload;
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#log('heartbeat');
        if (this.#withheldAcks > 0) this.#withheldAcks -= 1;
        else this.#op(connection, GatewayOpcodes.HeartbeatAck, null);
        return;
      case GatewayOpcodes.Identify:
        this.#identify(connection, payload.d ?? {});
        return;
      case GatewayOpcodes.Resume:
        this.#resume(connection, payload.d ?? {});
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        this.#log('ignored-op', String(payload.op));
        return;
      default:
        connection.socket.close(4001, 'Unknown opcode.');
    }
  }

  #identify(connection: Connection, d: Record<string, unknown>): void {
    const verdict = judgeIdentify(d, this.options.botToken, this.options.privilegedIntents);
    if (!verdict.ok) {
      this.#log('rejected', verdict.detail);
      connection.socket.close(verdict.code, verdict.reason);
      return;
    }
    const { intents, shard } = verdict;
    const sessionId = randomUUID().replaceAll('-', '');
    this.#sessions.set(sessionId, { seq: 0, intents, shard });
    connection.sessionId = sessionId;
    this.#log('identify', `intents=${String(d['intents'])} shard=${shard.join('/')}`);
    this.#send(connection, 'READY', this.options.ready(sessionId, `${this.url}/resume`, shard));
    if (intents & GUILDS_INTENT)
      for (const guild of this.options.guildCreates(shard)) this.#send(connection, 'GUILD_CREATE', guild);
    connection.ready = true;
    this.options.onChange();
  }

  #resume(connection: Connection, d: Record<string, unknown>): void {
    const sessionId = String(d['session_id']);
    if (d['token'] !== this.options.botToken || !this.#sessions.has(sessionId)) {
      this.#log('rejected', 'resume of an unknown session');
      this.#op(connection, GatewayOpcodes.InvalidSession, false);
      return;
    }
    connection.sessionId = sessionId;
    this.#log('resume', `seq=${String(d['seq'])}`);
    this.#send(connection, 'RESUMED', null);
    connection.ready = true;
    this.options.onChange();
  }

  #send(connection: Connection, t: string, d: unknown): void {
    const session = this.#sessions.get(connection.sessionId ?? '');
    const s = session ? ++session.seq : null;
    connection.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s, d }));
  }

  #op(connection: Connection, op: GatewayOpcodes, d: unknown): void {
    connection.socket.send(JSON.stringify({ op, d, s: null, t: null }));
  }

  #log(kind: GatewayEvent['kind'], detail?: string): void {
    this.events.push({ kind, at: Date.now(), ...(detail === undefined ? {} : { detail }) });
  }
}
