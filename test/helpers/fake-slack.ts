/**
 * A local fake of Slack for tests, on 127.0.0.1:
 * - the Web API (`POST /api/<method>`, form-encoded or JSON, as @slack/web-api sends it), recording
 *   every call and answering like Slack (auth.test, chat.postMessage, chat.postEphemeral, views.open, …), with
 *   scripted answers (a 429 with Retry-After, an `ok: false` error) when a test asks for them;
 * - response_url endpoints (`POST /response/<id>`), recording what Bolt's respond() sends;
 * - a Socket Mode WebSocket (`/socket`, handed out by apps.connections.open) that can push envelopes;
 * - helpers to sign requests to /slack/events like Slack does.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

export const BOT = {
  userId: 'U0CLAIMDESK',
  botId: 'B0CLAIMDESK',
  teamId: 'T0NEWSROOM',
  appId: 'A0CLAIMDESK',
} as const;

export interface ApiCall {
  method: string;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The HTTP status the fake answered with. */
  status: number;
}

export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

async function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(raw: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes('application/json')) {
    const obj: unknown = raw ? JSON.parse(raw) : {};
    const out: Record<string, string> = {};
    if (obj && typeof obj === 'object') {
      for (const [k, v] of Object.entries(obj)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Messages posted through chat.postMessage (what conversations.replies answers). */
  readonly posted: Array<{ channel: string; threadTs: string | null; ts: string; metadata: unknown }> = [];
  readonly responses: ResponseUrlCall[] = [];
  readonly socketAcks: unknown[] = [];
  private readonly scripted = new Map<string, FakeAnswer[]>();
  private readonly sockets = new Set<WebSocket>();
  private ts = 1_732_190_500;
  private readonly wss: WebSocketServer;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.wss = new WebSocketServer({ server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('message', (data) => this.socketAcks.push(JSON.parse(String(data))));
      ws.on('close', () => this.sockets.delete(ws));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: BOT.appId } }));
    });
  }

  static async start(): Promise<FakeSlack> {
    let fake: FakeSlack | null = null;
    const server = createServer((req, res) => {
      if (fake) void fake.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** What SLACK_API_URL should be. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** The next calls of `method` get these answers, in order; later calls get the default again. */
  script(method: string, ...answers: FakeAnswer[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...answers]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Polls (every 10 ms, at most `timeoutMs`) until `probe` returns something truthy. */
  async waitFor<T>(
    probe: () => T | undefined | null | false,
    timeoutMs = 5_000,
    what = 'condition',
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > deadline)
        throw new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Pushes a Socket Mode envelope to every connected client. */
  pushSocket(envelope: unknown): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
  }

  get socketClients(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private defaultAnswer(method: string, params: Record<string, string>): unknown {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://newsroom-example.slack.com/',
          team: 'Newsroom',
          user: 'claimdesk',
          team_id: BOT.teamId,
          user_id: BOT.userId,
          bot_id: BOT.botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        this.ts += 1;
        const ts = `${this.ts}.000100`;
        let metadata: unknown;
        try {
          metadata = params.metadata ? JSON.parse(params.metadata) : undefined;
        } catch {
          metadata = undefined;
        }
        this.posted.push({ channel: params.channel ?? '', threadTs: params.thread_ts ?? null, ts, metadata });
        return {
          ok: true,
          channel: params.channel,
          ts,
          message: { type: 'message', user: BOT.userId, bot_id: BOT.botId, ts, text: params.text },
        };
      }
      case 'chat.postEphemeral':
        this.ts += 1;
        return { ok: true, message_ts: `${this.ts}.000200` };
      case 'users.info':
        // A member who is not an admin; tests script admins with script('users.info', …).
        return {
          ok: true,
          user: {
            id: params.user,
            team_id: BOT.teamId,
            name: 'member',
            is_bot: false,
            is_admin: false,
            is_owner: false,
            is_primary_owner: false,
          },
        };
      case 'conversations.replies':
        // The thread's messages as Slack returns them, with metadata (include_all_metadata).
        return {
          ok: true,
          has_more: false,
          messages: this.posted
            .filter((m) => m.channel === params.channel && m.threadTs === params.ts)
            .map((m) => ({
              type: 'message',
              user: BOT.userId,
              bot_id: BOT.botId,
              ts: m.ts,
              thread_ts: m.threadTs,
              ...(m.metadata ? { metadata: m.metadata } : {}),
            })),
        };
      case 'views.open': {
        // The modal as Slack echoes it back, with the ids it gives a view.
        let view: unknown = {};
        try {
          view = params.view ? JSON.parse(params.view) : {};
        } catch {}
        return { ok: true, view: { ...(view as object), id: 'V0MISSEDFORM', team_id: BOT.teamId } };
      }
      case 'conversations.history':
        // The channel's own messages (not thread replies), newest first, with metadata.
        return {
          ok: true,
          has_more: false,
          messages: this.posted
            .filter((m) => m.channel === params.channel && m.threadTs === null)
            .reverse()
            .map((m) => ({
              type: 'message',
              user: BOT.userId,
              bot_id: BOT.botId,
              ts: m.ts,
              ...(m.metadata ? { metadata: m.metadata } : {}),
            })),
        };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private async handle(
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'POST' && path.startsWith('/response/')) {
      const body: unknown = JSON.parse(raw || '{}');
      this.responses.push({
        id: path.slice('/response/'.length),
        body: body && typeof body === 'object' ? { ...body } : {},
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method !== 'POST' || !path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    const params = parseParams(raw, req.headers['content-type']);
    const queued = this.scripted.get(method);
    const scripted = queued?.shift();
    const status = scripted?.status ?? 200;
    this.calls.push({ method, params, headers: req.headers, status });
    const body =
      scripted?.body ??
      (status === 200 ? this.defaultAnswer(method, params) : { ok: false, error: 'ratelimited' });
    res
      .writeHead(status, { 'content-type': 'application/json', ...(scripted?.headers ?? {}) })
      .end(JSON.stringify(body));
  }
}

/** Slack's request signature: v0= + hex HMAC-SHA256(secret, `v0:${ts}:${body}`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string;
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
  retryNum?: number;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Sign with this secret instead (a forged request). */
  signWith?: string;
}

/** POSTs a body to an events endpoint the way Slack does: raw body, timestamp and signature headers. */
export async function postSigned(url: string, body: string, opts: SignedPostOptions): Promise<Response> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(opts.signWith ?? opts.secret, ts, body),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}
