// The WebSocket gateway: HELLO → IDENTIFY → READY + one GUILD_CREATE per guild of the shard,
// heartbeats, sequence numbers, RESUME with replay, and routing of each event to the shard that
// owns its guild. Sessions outlive sockets on purpose: events dispatched while a socket is down
// are kept in the session's log and replayed on RESUME, which is exactly what lets a test prove
// "an interaction sent during a disconnect is delivered exactly once".

import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { shardForGuild } from './snowflake.js';
import type { JsonObject, MessageJson, World } from './state.js';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 };

const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
};

export type PrivilegedIntent = 'GuildMembers' | 'GuildPresences' | 'MessageContent';

/** GATEWAY_MESSAGE_CONTENT_LIMITED | GATEWAY_GUILD_MEMBERS_LIMITED: an unverified bot in under 100 guilds. */
const APPLICATION_FLAGS = (1 << 19) | (1 << 15);

export interface IdentifyRecord {
  shardId: number;
  shardCount: number;
  intents: number;
  sessionId: string;
  at: number;
}

export interface ResumeRecord {
  shardId: number;
  sessionId: string;
  /** The client's last sequence number, as sent in RESUME. */
  clientSeq: number;
  replayed: number;
  ok: boolean;
  at: number;
}

export interface DispatchRecord {
  t: string;
  shardId: number;
  sessionId: string;
  /** Null when the event was filtered out (missing intent) and never assigned a sequence. */
  seq: number | null;
  /** `sent` on an open socket, `queued` for replay on RESUME, `filtered` by the session's intents. */
  status: 'sent' | 'queued' | 'filtered';
  reason?: string;
  d: unknown;
  at: number;
}

export interface DispatchTarget {
  /** Route by guild, like Discord: shard `(guild_id >> 22) % shard_count`. Null/absent: a DM, shard 0. */
  guildId?: string | null;
  /** Force a shard. */
  shardId?: number;
}

interface Frame {
  op: number;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  seq: number;
  log: Frame[];
  socket: WebSocket | null;
  readySent: boolean;
}

export interface GatewayOptions {
  world: World;
  validTokens: ReadonlySet<string>;
  heartbeatIntervalMs: number;
  /** Privileged intents not enabled for the application: IDENTIFY asking for one is closed with 4014. */
  disabledPrivilegedIntents: readonly PrivilegedIntent[];
  /** Base ws:// URL of this emulator (known only once the server listens). */
  baseUrl: () => string;
  /** Wakes the recorder's waiters. */
  onChange: () => void;
}

/**
 * Emits `identify` (IdentifyRecord), `ready` ({ shardId, sessionId }) once READY and the shard's
 * GUILD_CREATEs are on the wire, `resume` (ResumeRecord) and `disconnect` ({ shardId, code }).
 */
export class Gateway extends EventEmitter {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly dispatches: DispatchRecord[] = [];
  /** URLs the clients connected to, in order (the resume URL differs from the first). */
  readonly connections: string[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** The live session of each shard id: the target of new events. */
  private readonly current = new Map<number, Session>();
  private readonly sockets = new Map<WebSocket, { session: Session | null }>();

  constructor(private readonly opts: GatewayOptions) {
    super();
  }

  get url(): string {
    return `${this.opts.baseUrl()}/gateway`;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req.url ?? '/'));
  }

  /** Shard ids that have identified and received their READY. */
  readyShards(): number[] {
    return [...this.current.values()].filter((s) => s.readySent).map((s) => s.shardId);
  }

  isConnected(shardId: number): boolean {
    return this.current.get(shardId)?.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends (or queues for replay) a dispatch to the shard that owns the target. */
  dispatch(t: string, d: JsonObject, target: DispatchTarget = {}): DispatchRecord {
    const session = this.sessionFor(target);
    const filtered = filterForIntents(t, d, session.intents, this.opts.world.botUser.id);
    let record: DispatchRecord;
    if (typeof filtered === 'string') {
      record = { t, shardId: session.shardId, sessionId: session.id, seq: null, status: 'filtered', reason: filtered, d, at: Date.now() };
    } else {
      const frame = this.frame(session, t, filtered);
      const sent = this.write(session.socket, frame);
      record = { t, shardId: session.shardId, sessionId: session.id, seq: frame.s, status: sent ? 'sent' : 'queued', d: filtered, at: Date.now() };
    }
    this.dispatches.push(record);
    this.opts.onChange();
    return record;
  }

  /**
   * Cuts the shard's socket the way a network blip would. The session stays, so discord.js
   * RESUMEs (about 0.5 s later) and gets everything dispatched meanwhile. `terminate` drops the
   * TCP connection without a close frame; the default sends close code 4000 (unknown error),
   * which discord.js also answers with a resume.
   */
  dropSocket(shardId?: number, opts: { code?: number; terminate?: boolean } = {}): number {
    const targets = shardId === undefined ? [...this.current.values()] : [this.current.get(shardId)];
    let dropped = 0;
    for (const session of targets) {
      const ws = session?.socket;
      if (!session || !ws) continue;
      // Detach first: anything dispatched from now on must be queued, not written to a dying socket.
      session.socket = null;
      if (opts.terminate) ws.terminate();
      else ws.close(opts.code ?? 4000, 'emulator: connection dropped');
      dropped++;
    }
    return dropped;
  }

  close(): void {
    for (const ws of this.sockets.keys()) ws.terminate();
    this.sockets.clear();
    this.wss.close();
  }

  private onConnection(ws: WebSocket, url: string): void {
    this.connections.push(url);
    const conn = { session: null as Session | null };
    this.sockets.set(ws, conn);
    ws.on('message', (raw) => this.onMessage(ws, conn, raw.toString()));
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      const session = conn.session;
      if (session && session.socket === ws) session.socket = null;
      if (session) this.emit('disconnect', { shardId: session.shardId, code });
      this.opts.onChange();
    });
    ws.on('error', () => {
      // A client vanishing mid-frame is expected in fault tests; the close handler does the bookkeeping.
    });
    this.send(ws, { op: Op.Hello, d: { heartbeat_interval: this.opts.heartbeatIntervalMs, _trace: ['["emulator",{}]'] }, s: null, t: null });
  }

  private onMessage(ws: WebSocket, conn: { session: Session | null }, text: string): void {
    let payload: { op?: number; d?: unknown };
    try {
      payload = JSON.parse(text) as { op?: number; d?: unknown };
    } catch {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const d = (payload.d ?? {}) as JsonObject;
    switch (payload.op) {
      case Op.Heartbeat:
        this.send(ws, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        if (conn.session) ws.close(4005, 'Already authenticated.');
        else this.identify(ws, conn, d);
        return;
      case Op.Resume:
        this.resume(ws, conn, d);
        return;
      case Op.RequestGuildMembers:
        if (conn.session) this.memberChunk(conn.session, d);
        return;
      case 3: // presence update
      case 4: // voice state update
        return;
      default:
        ws.close(4001, 'Unknown opcode.');
    }
  }

  private identify(ws: WebSocket, conn: { session: Session | null }, d: JsonObject): void {
    if (!this.opts.validTokens.has(String(d.token))) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const disallowed = this.opts.disabledPrivilegedIntents.filter((name) => (Number(d.intents ?? 0) & Intent[name]) !== 0);
    if (disallowed.length > 0) {
      // discord.js turns 4014 into "Used disallowed intents" and login() rejects with it.
      ws.close(4014, 'Disallowed intent(s).');
      return;
    }
    const [shardId, shardCount] = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
    if (shardId < 0 || shardId >= shardCount) {
      ws.close(4010, 'Invalid shard.');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      intents: Number(d.intents ?? 0),
      seq: 0,
      log: [],
      socket: ws,
      readySent: false,
    };
    // A new IDENTIFY for a shard replaces its session: events queued for the old one are lost,
    // as on Discord when a bot restarts instead of resuming.
    this.sessions.set(session.id, session);
    this.current.set(shardId, session);
    conn.session = session;
    const record: IdentifyRecord = { shardId, shardCount, intents: session.intents, sessionId: session.id, at: Date.now() };
    this.identifies.push(record);
    this.emit('identify', record);

    const world = this.opts.world;
    const guilds = world.guilds.filter((g) => shardForGuild(g.id, shardCount) === shardId);
    this.write(ws, this.frame(session, 'READY', {
      v: 10,
      user_settings: {},
      user: { ...world.botUser, verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `${this.opts.baseUrl()}/gateway-resume`,
      shard: [shardId, shardCount],
      application: { id: world.applicationId, flags: APPLICATION_FLAGS },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['emulator'],
      auth: {},
      session_type: 'normal',
      _trace: ['["emulator",{}]'],
    }));
    // discord.js fires ClientReady only after the GUILD_CREATE of every guild READY listed.
    for (const guild of guilds) this.write(ws, this.frame(session, 'GUILD_CREATE', world.guildCreatePayload(guild)));
    session.readySent = true;
    this.emit('ready', { shardId, sessionId: session.id });
    this.opts.onChange();
  }

  private resume(ws: WebSocket, conn: { session: Session | null }, d: JsonObject): void {
    if (!this.opts.validTokens.has(String(d.token))) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const session = this.sessions.get(String(d.session_id));
    const clientSeq = Number(d.seq ?? 0);
    if (!session || this.current.get(session.shardId) !== session) {
      // Not resumable: the client must IDENTIFY again (discord.js waits ~1-5 s before doing so).
      this.resumes.push({ shardId: session?.shardId ?? -1, sessionId: String(d.session_id), clientSeq, replayed: 0, ok: false, at: Date.now() });
      this.send(ws, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const previous = session.socket;
    session.socket = ws;
    conn.session = session;
    if (previous && previous !== ws) previous.terminate();
    const missed = session.log.filter((f) => f.s > clientSeq);
    for (const frame of missed) this.write(ws, frame);
    this.write(ws, this.frame(session, 'RESUMED', { _trace: ['["emulator",{}]'] }));
    const record: ResumeRecord = { shardId: session.shardId, sessionId: session.id, clientSeq, replayed: missed.length, ok: true, at: Date.now() };
    this.resumes.push(record);
    this.emit('resume', record);
    this.opts.onChange();
  }

  /** Answers `guild.members.fetch()` (op 8) so it resolves instead of timing out. */
  private memberChunk(session: Session, d: JsonObject): void {
    const guild = this.opts.world.guild(String(d.guild_id));
    if (!guild) return;
    const world = this.opts.world;
    const members = [world.botUser, world.user, world.otherUser].map((u) => world.member(guild, u, true));
    this.write(session.socket, this.frame(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(d.nonce ? { nonce: d.nonce } : {}),
    }));
  }

  private sessionFor(target: DispatchTarget): Session {
    let session: Session | undefined;
    if (target.shardId !== undefined) {
      session = this.current.get(target.shardId);
    } else if (target.guildId) {
      const guildId = target.guildId;
      session = [...this.current.values()].find((s) => shardForGuild(guildId, s.shardCount) === s.shardId);
    } else {
      session = this.current.get(0);
    }
    if (!session) {
      const where = target.shardId !== undefined ? `shard ${target.shardId}` : target.guildId ? `guild ${target.guildId}` : 'DMs (shard 0)';
      const live = [...this.current.values()].map((s) => `${s.shardId}/${s.shardCount}`).join(', ') || 'none';
      throw new Error(`no gateway session for ${where}; identified shards: ${live}. Has the bot logged in (await emu.waitForReady())?`);
    }
    return session;
  }

  private frame(session: Session, t: string, d: unknown): Frame {
    session.seq += 1;
    const frame: Frame = { op: Op.Dispatch, t, s: session.seq, d };
    session.log.push(frame);
    return frame;
  }

  private write(ws: WebSocket | null, frame: Frame): boolean {
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  private send(ws: WebSocket, payload: { op: number; d: unknown; s: null; t: null }): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }
}

/**
 * What Discord would deliver to a session with these intents: the payload (message content
 * blanked without the MESSAGE_CONTENT intent, as for an unverified bot that did not enable it),
 * or a reason string when the event is not delivered at all.
 */
function filterForIntents(t: string, d: JsonObject, intents: number, botId: string): JsonObject | string {
  // Tests send malformed dispatches on purpose (d: null); they pass through unfiltered.
  if (d === null || typeof d !== 'object') return d;
  const inGuild = typeof d.guild_id === 'string';
  const need = (guildIntent: number, dmIntent: number, name: string): string | null =>
    (intents & (inGuild ? guildIntent : dmIntent)) === 0 ? `missing intent ${name} (${inGuild ? guildIntent : dmIntent})` : null;
  let missing: string | null = null;
  if (t.startsWith('MESSAGE_REACTION_')) {
    missing = need(Intent.GuildMessageReactions, Intent.DirectMessageReactions, inGuild ? 'GuildMessageReactions' : 'DirectMessageReactions');
  } else if (t.startsWith('MESSAGE_')) {
    missing = need(Intent.GuildMessages, Intent.DirectMessages, inGuild ? 'GuildMessages' : 'DirectMessages');
  } else if (t === 'TYPING_START') {
    missing = need(Intent.GuildMessageTyping, Intent.DirectMessageTyping, inGuild ? 'GuildMessageTyping' : 'DirectMessageTyping');
  }
  if (missing) return missing;
  if ((t === 'MESSAGE_CREATE' || t === 'MESSAGE_UPDATE') && inGuild && (intents & Intent.MessageContent) === 0) {
    const m = d as MessageJson;
    const exempt = m.author?.id === botId || (m.mentions ?? []).some((u) => u.id === botId);
    if (!exempt) return { ...d, content: '', embeds: [], attachments: [], components: [], poll: undefined };
  }
  return d;
}
