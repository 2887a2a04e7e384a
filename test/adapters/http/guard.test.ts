/** The host and token guard of the local API, on the real express app (DNS rebinding, token leaks). */
import { request, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guard, isLocalHostHeader, tokensEqual } from '../../../src/adapters/http/guard.js';
import { createHttpApp, finishHttpApp } from '../../../src/adapters/http/server.js';
import { type App, buildApp } from '../../../src/app.js';
import { readConfig } from '../../../src/model/config.js';
import { silentLogger } from '../../../src/logger.js';

interface Served {
  port: number;
  close(): Promise<void>;
}

async function serve(env: Record<string, string>): Promise<Served> {
  const a: App = await buildApp(
    readConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent', ...env }),
    silentLogger,
  );
  const h = createHttpApp(a);
  finishHttpApp(h, a);
  const s: Server = await new Promise((resolve) => {
    const srv = h.listen(0, '127.0.0.1', () => resolve(srv));
  });
  const addr = s.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    close: async () => {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
      await a.store.close();
    },
  };
}

/** A GET with exactly the Host header given (fetch would not let us forge it); null = no Host at all. */
function get(port: number, path: string, host: string | null, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', setHost: false, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    if (host !== null) req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

/** An HTTP/1.0 request with no Host header at all, over a raw socket. */
function getHttp10(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1', () => sock.write(`GET ${path} HTTP/1.0\r\n\r\n`));
    let head = '';
    sock.on('data', (d) => {
      head += d.toString('latin1');
    });
    sock.on('end', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)));
    sock.on('error', reject);
  });
}

const FORGED_HOSTS = [
  '127.attacker.example',
  '127.0.0.1.nip.io',
  '127.0.0.1.attacker.example:3000',
  'localhost.evil',
  'localhost.evil:80',
  'evil-localhost',
  'sub.localhost',
  'localhost.',
  'attacker.example',
  '0x7f.1',
  '0x7f000001',
  '2130706433',
  '0177.0.0.1',
  '127.1',
  '127.0.0.2',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[0:0:0:0:0:0:0:1]',
  '::1',
  '',
  'localhost:abc',
  'localhost:3000:3000',
  'localhost@attacker.example',
];

const LOCAL_HOSTS = [
  'localhost',
  'LOCALHOST',
  'LocalHost:3000',
  '127.0.0.1',
  '127.0.0.1:8080',
  '[::1]',
  '[::1]:3000',
];

describe('isLocalHostHeader', () => {
  it.each(FORGED_HOSTS)('refuses %j', (host) => {
    expect(isLocalHostHeader(host)).toBe(false);
  });
  it.each(LOCAL_HOSTS)('accepts %j', (host) => {
    expect(isLocalHostHeader(host)).toBe(true);
  });
  it('refuses a missing Host header', () => {
    expect(isLocalHostHeader(undefined)).toBe(false);
  });
});

describe('tokensEqual', () => {
  it('is true only for the same string, whatever the lengths', () => {
    expect(tokensEqual('letmein-123', 'letmein-123')).toBe(true);
    expect(tokensEqual('letmein-12', 'letmein-123')).toBe(false);
    expect(tokensEqual('', 'letmein-123')).toBe(false);
    expect(tokensEqual('letmein-1234', 'letmein-123')).toBe(false);
  });
});

describe('local mode (no API_TOKEN): DNS rebinding', () => {
  let srv: Served;
  beforeAll(async () => {
    srv = await serve({});
  });
  afterAll(async () => {
    await srv.close();
  });

  it('refuses every forged Host on the API, the feedback counts and the page', async () => {
    for (const host of FORGED_HOSTS) {
      for (const path of ['/api/claims', '/api/feedback', '/']) {
        expect({ host, path, status: await get(srv.port, path, host) }).toEqual({ host, path, status: 403 });
      }
    }
    // Node refuses an HTTP/1.1 request without Host itself; HTTP/1.0 needs none, so the guard decides.
    expect(await get(srv.port, '/api/claims', null)).toBe(400);
    expect(await getHttp10(srv.port, '/api/claims')).toBe(403);
  });

  it('serves localhost, 127.0.0.1 and [::1], with or without a port, in any case', async () => {
    for (const host of LOCAL_HOSTS)
      expect({ host, status: await get(srv.port, '/api/feedback', host) }).toEqual({ host, status: 200 });
  });

  it('keeps /healthz open', async () => {
    expect(await get(srv.port, '/healthz', 'attacker.example')).toBe(200);
  });

  it('checks the Host even when listening on all interfaces without a token', async () => {
    const express = (await import('express')).default;
    const h = express();
    h.use('/api', guard({ host: '0.0.0.0', apiToken: null }));
    h.get('/api/x', (_req, res) => {
      res.json({ ok: true });
    });
    const s: Server = await new Promise((resolve) => {
      const x = h.listen(0, '127.0.0.1', () => resolve(x));
    });
    const addr = s.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    try {
      expect(await get(port, '/api/x', '127.attacker.example')).toBe(403);
      expect(await get(port, '/api/x', 'localhost:3000')).toBe(200);
    } finally {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
});

describe('with API_TOKEN: ?token= opens the page only', () => {
  const TOKEN = 'letmein-123';
  let srv: Served;
  beforeAll(async () => {
    srv = await serve({ API_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await srv.close();
  });
  const host = 'localhost';

  it('opens the page with ?token= or the header, not without', async () => {
    expect(await get(srv.port, `/?token=${TOKEN}`, host)).toBe(200);
    expect(await get(srv.port, '/', host, { authorization: `Bearer ${TOKEN}` })).toBe(200);
    expect(await get(srv.port, '/', host)).toBe(401);
    expect(await get(srv.port, '/?token=wrong', host)).toBe(401);
  });

  it('refuses ?token= on every /api route, and accepts the bearer header there', async () => {
    for (const path of ['/api/claims', '/api/feedback', '/api/lookup?q=NATO', '/api/claims/x', '/api']) {
      const sep = path.includes('?') ? '&' : '?';
      expect({ path, status: await get(srv.port, `${path}${sep}token=${TOKEN}`, host) }).toEqual({
        path,
        status: 401,
      });
    }
    expect(await get(srv.port, '/api/feedback', host, { authorization: `Bearer ${TOKEN}` })).toBe(200);
    expect(await get(srv.port, '/api/feedback', host, { authorization: `Bearer ${TOKEN}x` })).toBe(401);
    expect(await get(srv.port, '/api/feedback', host, { authorization: `bearer ${TOKEN}` })).toBe(401);
  });

  it('still refuses a forged Host while listening on loopback, token or not', async () => {
    expect(
      await get(srv.port, '/api/feedback', '127.attacker.example', { authorization: `Bearer ${TOKEN}` }),
    ).toBe(403);
  });
});
