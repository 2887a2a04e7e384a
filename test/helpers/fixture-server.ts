/**
 * Local HTTP servers for tests, on 127.0.0.1 and port 0.
 * - startFixtureServer(routes): serves fixed responses, fixture files or handlers by path (the query
 *   string is ignored for routing), records every request, counts TCP connections; routes can be
 *   added or replaced while running.
 * - startCanaryServer(): a server that must never be reached; it answers anything and counts
 *   connections at the TCP level, so even a connection that never sends a request is seen.
 * Always close() them in afterAll/afterEach: close() drops open sockets and pending handlers' timers.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';

export const PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'pages');

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface StaticRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A file under test/fixtures/pages/, served as bytes. */
  file?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path with query string, as received. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  remoteAddress: string | null;
}

export interface FixtureServer {
  port: number;
  /** '127.0.0.1:PORT', the form FETCH_ALLOW_HOSTS uses. */
  hostPort: string;
  origin: string;
  url(path: string): string;
  requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  route(path: string, route: Handler | StaticRoute): void;
  close(): Promise<void>;
}

/** Reads a fixture page (bytes, so legacy encodings stay intact). */
export function fixturePage(name: string): Buffer {
  return readFileSync(join(PAGES_DIR, name));
}

function serveStatic(route: StaticRoute, res: ServerResponse): void {
  const body = route.file !== undefined ? fixturePage(route.file) : (route.body ?? '');
  const headers = { 'content-type': 'text/html; charset=utf-8', ...route.headers };
  res.writeHead(route.status ?? 200, headers).end(body);
}

export interface FixtureServerOptions {
  /** Served for paths without a route (default: 404 "no such fixture"). */
  fallback?: Handler | StaticRoute;
}

export async function startFixtureServer(
  routes: Record<string, Handler | StaticRoute> = {},
  opts: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    requests.push({
      method: req.method ?? 'GET',
      url,
      path,
      headers: req.headers,
      remoteAddress: req.socket.remoteAddress ?? null,
    });
    const route = table.get(path) ?? opts.fallback;
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such fixture');
      return;
    }
    if (typeof route !== 'function') {
      serveStatic(route, res);
      return;
    }
    Promise.resolve()
      .then(() => route(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no TCP address');
  const { port } = address;

  return {
    port,
    hostPort: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    get connections() {
      return connections;
    },
    route(path, route) {
      table.set(path, route);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server that answers everything with 200 "canary" and counts every TCP connection. */
export async function startCanaryServer(): Promise<FixtureServer> {
  return startFixtureServer({}, { fallback: { body: '<html><body><p>canary</p></body></html>' } });
}

/** A handler that redirects to `location` (absolute or relative). */
export function redirect(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

/**
 * A handler that redirects to the `to` query parameter with the `status` parameter (default 302), for
 * SSRF tables. Non-ASCII targets are percent-encoded, as a header must be.
 */
export const redirectTo: Handler = (req, res) => {
  const params = new URL(req.url ?? '/', 'http://fixture.invalid').searchParams;
  const to = params.get('to') ?? '/';
  const location = /[^\x20-\x7e]/.test(to) ? encodeURI(to) : to;
  res.writeHead(Number(params.get('status') ?? 302), { location }).end();
};

/** A handler that sends headers, then one byte every `everyMs` until the client goes away. */
export function trickle(everyMs = 50, contentType = 'text/html; charset=utf-8'): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.write('<html><body><p>');
    const timer = setInterval(() => res.write('a'), everyMs);
    const stop = () => clearInterval(timer);
    req.on('close', stop);
    res.on('close', stop);
  };
}

/**
 * A handler that streams `totalBytes` of HTML in 64 KB chunks, honouring backpressure. `state`
 * records whether the whole body was sent, so a test can tell an early abort from a full read.
 */
export function bigBody(
  totalBytes: number,
  state: { finished: boolean; bytesWritten: number },
  opts: { contentLength?: boolean } = {},
): Handler {
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(opts.contentLength ? { 'content-length': String(totalBytes) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (state.bytesWritten < totalBytes) {
        const n = Math.min(chunk.length, totalBytes - state.bytesWritten);
        state.bytesWritten += n;
        if (!res.write(chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end(() => {
        state.finished = true;
      });
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  };
}
