import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, finishHttpApp } from '../../../src/adapters/http/server.js';
import { type App, buildApp } from '../../../src/app.js';
import { readConfig } from '../../../src/model/config.js';
import type { CheckResult } from '../../../src/model/types.js';
import { silentLogger } from '../../../src/logger.js';
import { DEBUNKING_EN, PROMOTING_RU } from '../../helpers/articles.js';
import { type FixtureServer, startCanaryServer, startFixtureServer } from '../../helpers/fixture-server.js';
import { startHttpApp } from '../../helpers/http-app.js';

let pages: FixtureServer;
let canary: FixtureServer;
let app: App;
let server: Server;
let base: string;

beforeAll(async () => {
  pages = await startFixtureServer({
    '/promo': { body: PROMOTING_RU },
    '/debunk': { body: DEBUNKING_EN },
  });
  canary = await startCanaryServer();
  const config = readConfig({
    FETCH_ALLOW_HOSTS: pages.hostPort,
    STORE_URL: 'memory://',
    LOG_LEVEL: 'silent',
  });
  app = await buildApp(config, silentLogger);
  const http = createHttpApp(app);
  finishHttpApp(http, app);
  server = await new Promise((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await pages?.close();
  await canary?.close();
  await app?.close();
});

async function post(path: string, body: unknown) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown> & { results?: CheckResult[] },
  };
}

describe('local HTTP API', () => {
  it('answers /healthz with the catalogue version', async () => {
    const res = await fetch(`${base}/healthz`);
    const body = (await res.json()) as { ok: boolean; catalogue: { version: string; entries: number } };
    expect(body.ok).toBe(true);
    expect(body.catalogue.version).toBe(app.catalogue.version);
    expect(body.catalogue.entries).toBeGreaterThanOrEqual(14);
  });

  it('serves the page', async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<form id="check">');
  });

  it('checks a link that pushes a claim and raises an alert, in the contract shape', async () => {
    const { status, json } = await post('/api/check', { url: pages.url('/promo?utm_source=tg') });
    expect(status).toBe(200);
    expect(json.catalogue).toEqual({ version: app.catalogue.version, entries: app.catalogue.entries.length });
    const r = json.results?.[0];
    expect(r).toMatchObject({
      status: 'ok',
      error: null,
      alert: true,
      language: 'ru',
      url: pages.url('/promo'),
    });
    const ids = (r?.matches ?? []).map((m) => m.id);
    expect(ids).toContain('nato-peacekeeping-centre');
  });

  it('reuses the cached result for the same normalized link', async () => {
    const before = pages.requests.length;
    await post('/api/check', { url: pages.url('/promo?fbclid=abc') });
    expect(pages.requests.length).toBe(before);
  });

  it('does not alert on a debunking article', async () => {
    const { json } = await post('/api/check', { url: pages.url('/debunk') });
    const r = json.results?.[0];
    expect(r?.alert).toBe(false);
    const m = (r?.matches ?? []).find((x) => x.id === 'nato-peacekeeping-centre');
    expect(m?.stance === 'debunks' || m?.stance === 'reports').toBe(true);
  });

  it('refuses a loopback address that is not allowed, without connecting to it', async () => {
    const { status, json } = await post('/api/check', { url: canary.url('/') });
    expect(status).toBe(200);
    expect(json.results?.[0]).toMatchObject({
      status: 'error',
      alert: false,
      error: { code: 'blocked_address' },
    });
    expect(canary.connections).toBe(0);
    expect(canary.requests).toHaveLength(0);
  });

  it('checks pasted text', async () => {
    const { json } = await post('/api/check', {
      text: 'В Казахстан перевезут 30 американских биолабораторий с Украины, пишет телеграм-канал.',
      offline: true,
    });
    expect(json.results?.[0]?.input).toBe('text');
    expect(json.results?.[0]?.status).toBe('ok');
  });

  it.each([
    [{}, 400],
    [{ url: 'x', text: 'y' }, 400],
    [{ url: 42 }, 400],
    ['{not json', 400],
  ])('rejects the body %j with a sentence', async (body, code) => {
    const { status, json } = await post('/api/check', body);
    expect(status).toBe(code);
    expect((json.error as { code: string; message: string }).code).toBe('invalid_input');
  });

  it('renders the preview as escaped HTML', async () => {
    const { json } = await post('/api/preview', {
      text: '<script>alert(1)</script> В Алматы открылся центр НАТО, где военные учатся по стандартам альянса.',
    });
    expect(typeof json.html).toBe('string');
    expect(json.html).not.toContain('<script>');
  });

  it('looks up the catalogue by an inflected Russian word', async () => {
    const res = await fetch(`${base}/api/lookup?q=${encodeURIComponent('биолабораторий')}`);
    const body = (await res.json()) as { hits: Array<{ card: { id: string } }> };
    expect(body.hits[0]?.card.id).toBe('us-biolabs-in-kazakhstan');
  });

  it('gives a 404 with a sentence for an unknown id and path', async () => {
    const a = await fetch(`${base}/api/claims/nope`);
    expect(a.status).toBe(404);
    const b = await fetch(`${base}/nothing-here`);
    expect(b.status).toBe(404);
    expect(((await b.json()) as { error: { message: string } }).error.message).toBe('No such endpoint.');
  });
});

describe('who may use the API', () => {
  async function serve(env: Record<string, string>) {
    const r = await startHttpApp(env);
    return { url: r.base, close: r.close };
  }

  it('in local mode, refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const srv = await serve({});
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${srv.url}/api/claims`, { headers: { host: 'attacker.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(403);
      expect((await fetch(`${srv.url}/api/claims`)).status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  it('with API_TOKEN set, requires the bearer token (health checks stay open)', async () => {
    const srv = await serve({ API_TOKEN: 'letmein-123' });
    try {
      expect((await fetch(`${srv.url}/api/lookup?q=NATO`)).status).toBe(401);
      expect(
        (await fetch(`${srv.url}/api/lookup?q=NATO`, { headers: { authorization: 'Bearer wrong' } })).status,
      ).toBe(401);
      expect(
        (await fetch(`${srv.url}/api/lookup?q=NATO`, { headers: { authorization: 'Bearer letmein-123' } }))
          .status,
      ).toBe(200);
      expect((await fetch(`${srv.url}/?token=letmein-123`)).status).toBe(200);
      expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    } finally {
      await srv.close();
    }
  });
});
