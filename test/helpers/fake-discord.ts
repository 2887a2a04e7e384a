/**
 * A local fake of Discord for tests: a REST server (node:http) and a gateway (ws) that real
 * discord.js 14 connects to with `rest: { api: fake.apiUrl }`. It records every REST request and
 * every gateway payload the client sends, answers with payloads shaped like Discord's, and can be
 * told to fail (429 with retry_after, 403, 500) or to drop the gateway connection. It keeps the
 * messages it dispatched or was sent, and the threads started on them, so that REST reads (GET a
 * channel, a message, a channel's recent messages) answer as Discord would; an interaction can be
 * acknowledged once (a second callback gets Discord's 40060, as a second replica would).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, decoded (e.g. /webhooks/APP/TOKEN/messages/@original). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
  at: number;
}

export interface GatewayPayload {
  op: number;
  d: unknown;
  /** Which connection (1-based) the client sent it on. */
  connection: number;
}

export interface Override {
  method: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests it answers (default 1); Infinity until cleared. */
  times?: number;
}

interface JsonObject {
  [k: string]: unknown;
}

export interface FakeDiscordOptions {
  ready: JsonObject;
  guilds: JsonObject[];
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Message flag: a thread was started on this message. */
const HAS_THREAD = 1 << 5;

let snowflake = 1_700_000_000_000_000_000n;
export function nextSnowflake(): string {
  snowflake += 1n;
  return snowflake.toString();
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly gatewayReceived: GatewayPayload[] = [];
  connections = 0;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | null = null;
  private seq = 0;
  private overrides: Array<Override & { left: number }> = [];
  private replayOnResume: Array<{ t: string; d: unknown }> = [];
  private readonly botUser: JsonObject;
  private readonly guildId: string;
  apiUrl = '';
  gatewayUrl = '';
  /** Channel (or thread) id → its messages, oldest first. */
  private readonly messages = new Map<string, JsonObject[]>();
  /** Threads started through REST, by id (a thread started on a message has that message's id). */
  private readonly threads = new Map<string, JsonObject>();
  private readonly acknowledged = new Set<string>();

  constructor(private readonly opts: FakeDiscordOptions) {
    const user = opts.ready.user;
    if (!isObject(user)) throw new Error('ready payload needs a user');
    this.botUser = user;
    const firstGuild = opts.guilds[0];
    this.guildId = typeof firstGuild?.id === 'string' ? firstGuild.id : '0';
    this.http = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
        let body: unknown = raw;
        if ((req.headers['content-type'] ?? '').includes('application/json') && raw) body = JSON.parse(raw);
        const answer = this.answer(req.method ?? 'GET', path, body, url.searchParams);
        this.requests.push({
          method: req.method ?? 'GET',
          path,
          query: url.searchParams,
          headers: req.headers,
          body,
          status: answer.status,
          at: Date.now(),
        });
        const headers: Record<string, string> = { ...(answer.headers ?? {}) };
        if (answer.body === undefined) {
          res.writeHead(answer.status, headers).end();
          return;
        }
        headers['content-type'] = 'application/json';
        res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    const { port } = this.http.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.http.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
    return this;
  }

  /** Answers the next matching request(s) with this status instead of the normal answer. */
  override(o: Override): void {
    this.overrides.push({ ...o, left: o.times ?? 1 });
  }

  clearOverrides(): void {
    this.overrides = [];
  }

  /** Sends a dispatch (op 0) to every open gateway connection (several clients = replicas). */
  dispatch(t: string, d: unknown): void {
    if ((t === 'MESSAGE_CREATE' || t === 'MESSAGE_UPDATE') && isObject(d)) this.keep(d);
    const open = [...this.wss.clients].filter((c) => c.readyState === WebSocket.OPEN);
    if (open.length === 0) throw new Error(`no open gateway connection for ${t}`);
    const s = ++this.seq;
    for (const c of open) this.send(c, { op: 0, t, s, d });
  }

  private dispatchTo(ws: WebSocket, t: string, d: unknown): void {
    this.send(ws, { op: 0, t, s: ++this.seq, d });
  }

  /** Events the client "missed" while disconnected: replayed after its RESUME, before RESUMED. */
  missWhileDisconnected(t: string, d: unknown): void {
    this.replayOnResume.push({ t, d });
  }

  /** Closes the newest gateway connection from the server side, as Discord does before asking for a resume. */
  closeGateway(code: number): void {
    this.socket?.close(code, 'fake gateway closed the connection');
  }

  /** The sequence number of the last dispatch sent. */
  get lastSeq(): number {
    return this.seq;
  }

  get openConnections(): number {
    return [...this.wss.clients].filter((c) => c.readyState === WebSocket.OPEN).length;
  }

  /** Stores a message as if it had been posted in its channel (a reply left by an earlier process). */
  keep(message: JsonObject): void {
    const channelId = String(message.channel_id);
    const list = this.messages.get(channelId) ?? [];
    const at = list.findIndex((m) => m.id === message.id);
    if (at >= 0) list[at] = { ...list[at], ...message };
    else list.push(message);
    this.messages.set(channelId, list);
  }

  /** The messages of a channel or thread, oldest first. */
  messagesIn(channelId: string): JsonObject[] {
    return [...(this.messages.get(channelId) ?? [])];
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private send(ws: WebSocket, payload: object): void {
    ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket): void {
    this.connections += 1;
    const connection = this.connections;
    this.socket = ws;
    this.send(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on('message', (data) => {
      const payload: unknown = JSON.parse(data.toString());
      if (!isObject(payload) || typeof payload.op !== 'number') return;
      this.gatewayReceived.push({ op: payload.op, d: payload.d, connection });
      if (payload.op === 1) this.send(ws, { op: 11, d: null, s: null, t: null });
      if (payload.op === 2) this.onIdentify(ws);
      if (payload.op === 6) this.onResume(ws, payload.d);
    });
  }

  private onIdentify(ws: WebSocket): void {
    this.dispatchTo(ws, 'READY', { ...this.opts.ready, resume_gateway_url: this.gatewayUrl });
    for (const g of this.opts.guilds) this.dispatchTo(ws, 'GUILD_CREATE', g);
  }

  private onResume(ws: WebSocket, d: unknown): void {
    const sessionId = this.opts.ready.session_id;
    if (!isObject(d) || d.session_id !== sessionId) {
      this.send(ws, { op: 9, d: false, s: null, t: null });
      return;
    }
    for (const e of this.replayOnResume.splice(0)) this.dispatchTo(ws, e.t, e.d);
    this.dispatchTo(ws, 'RESUMED', {});
  }

  /** GET a channel or thread, one message, or a channel's messages (newest first, `after`, `limit`). */
  private read(path: string, query: URLSearchParams): { status: number; body: unknown } | null {
    const one = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (one) {
      const m = this.messagesIn(one[1] ?? '').find((x) => x.id === one[2]);
      return m
        ? { status: 200, body: m }
        : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    }
    const list = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (list) {
      const after = BigInt(query.get('after') ?? '0');
      const limit = Number(query.get('limit') ?? '50');
      const found = this.messagesIn(list[1] ?? '')
        .filter((m) => BigInt(String(m.id)) > after)
        .reverse()
        .slice(0, limit);
      return { status: 200, body: found };
    }
    const channel = /^\/channels\/(\d+)$/.exec(path);
    if (channel) {
      const id = channel[1] ?? '';
      const known = this.threads.get(id) ?? this.guildChannels().find((c) => c.id === id);
      return known
        ? { status: 200, body: { guild_id: this.guildId, ...known } }
        : { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    }
    return null;
  }

  private guildChannels(): JsonObject[] {
    return this.opts.guilds.flatMap((g) =>
      [g.channels, g.threads].flatMap((l) => (Array.isArray(l) ? l.filter(isObject) : [])),
    );
  }

  private answer(
    method: string,
    path: string,
    body: unknown,
    query: URLSearchParams = new URLSearchParams(),
  ): { status: number; body?: unknown; headers?: Record<string, string> } {
    const o = this.overrides.find((x) => x.method === method && x.path.test(path) && x.left > 0);
    if (o) {
      o.left -= 1;
      return { status: o.status, body: o.body, ...(o.headers ? { headers: o.headers } : {}) };
    }
    const b = isObject(body) ? body : {};
    const thread = method === 'POST' ? /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path) : null;
    const post = method === 'POST' ? /^\/channels\/(\d+)\/messages$/.exec(path) : null;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/applications/@me') {
      return { status: 200, body: { id: this.botUser.id, name: 'claimdesk', bot: this.botUser, flags: 0 } };
    }
    if (thread) {
      const created = this.threadObject(thread[1] ?? '', thread[2] ?? '', b);
      this.threads.set(String(created.id), created);
      const starter = this.messagesIn(thread[1] ?? '').find((m) => m.id === thread[2]);
      if (starter) this.keep({ ...starter, flags: (Number(starter.flags) || 0) | HAS_THREAD });
      return { status: 201, body: created };
    }
    if (post) {
      const created = this.messageObject(post[1] ?? '', b);
      this.keep(created);
      return { status: 200, body: created };
    }
    if (method === 'GET') {
      const read = this.read(path, query);
      if (read) return read;
    }
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (callback && method === 'POST') {
      const id = callback[1] ?? '';
      if (this.acknowledged.has(id))
        return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      this.acknowledged.add(id);
      return { status: 204 };
    }
    if (/^\/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/.test(path) && method === 'PATCH') {
      return { status: 200, body: this.messageObject(this.channelOfInteractions, b, 64) };
    }
    if (/^\/webhooks\/\d+\/[^/]+$/.test(path) && method === 'POST') {
      return { status: 200, body: this.messageObject(this.channelOfInteractions, b) };
    }
    if (/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && method === 'PUT') {
      const list = Array.isArray(body) ? body : [];
      return {
        status: 200,
        body: list.map((c) => ({
          ...(isObject(c) ? c : {}),
          id: nextSnowflake(),
          application_id: this.botUser.id,
          version: '1',
        })),
      };
    }
    return { status: 404, body: { message: 'Unknown route in fake Discord', code: 0 } };
  }

  /** The channel follow-ups and edited interaction replies are reported in. */
  channelOfInteractions = '1100000000000000010';

  private messageObject(channelId: string, b: JsonObject, defaultFlags = 0): JsonObject {
    const ref = isObject(b.message_reference) ? b.message_reference : null;
    return {
      id: nextSnowflake(),
      type: ref ? 19 : 0,
      channel_id: channelId,
      author: this.botUser,
      content: typeof b.content === 'string' ? b.content : '',
      embeds: Array.isArray(b.embeds) ? b.embeds : [],
      components: Array.isArray(b.components) ? b.components : [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: typeof b.flags === 'number' ? b.flags : defaultFlags,
      ...(ref ? { message_reference: { type: 0, channel_id: channelId, ...ref } } : {}),
    };
  }

  private threadObject(channelId: string, messageId: string, b: JsonObject): JsonObject {
    const now = new Date().toISOString();
    return {
      id: messageId,
      type: 11,
      guild_id: this.guildId,
      parent_id: channelId,
      owner_id: this.botUser.id,
      name: typeof b.name === 'string' ? b.name : 'thread',
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        archive_timestamp: now,
        auto_archive_duration: typeof b.auto_archive_duration === 'number' ? b.auto_archive_duration : 1440,
        locked: false,
        create_timestamp: now,
      },
      member: { id: messageId, user_id: this.botUser.id, join_timestamp: now, flags: 0 },
    };
  }
}

export async function startFakeDiscord(opts: FakeDiscordOptions): Promise<FakeDiscord> {
  return new FakeDiscord(opts).start();
}

/** Polls until `fn` returns a truthy value; fails with `what` after `timeoutMs`. Not a sleep. */
export async function waitFor<T>(
  fn: () => T | undefined | null | false,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
