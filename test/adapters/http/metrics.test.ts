/** GET /metrics after a few checks: outcomes, alerts by entry, cache hit ratio, fetch latency, catalogue version. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { PROMOTING_RU } from '../../helpers/articles.js';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server.js';
import { type RunningApp, startHttpApp } from '../../helpers/http-app.js';

let pages: FixtureServer;
let running: RunningApp;
let app: App;
let base: string;

beforeAll(async () => {
  pages = await startFixtureServer({
    '/promo': { body: PROMOTING_RU },
    '/gone': { status: 404, body: 'no' },
  });
  running = await startHttpApp({
    FETCH_ALLOW_HOSTS: pages.hostPort,
    ANALYSIS_THREADS: '0',
    API_TOKEN: 'metrics-token',
  });
  app = running.app;
  base = running.base;
});

afterAll(async () => {
  await running?.close();
  await pages?.close();
});

const auth = { authorization: 'Bearer metrics-token', 'content-type': 'application/json' };

async function check(url: string): Promise<void> {
  const res = await fetch(`${base}/api/check`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ url }),
  });
  expect(res.status).toBe(200);
}

describe('GET /metrics', () => {
  it('is protected like the API', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
  });

  it('counts checks by outcome, alerts by entry, cache hits and misses, fetch latency, the catalogue version', async () => {
    await check(`${pages.origin}/promo`);
    await check(`${pages.origin}/promo`); // from the cache
    await check(`${pages.origin}/gone`);
    const text = await (await fetch(`${base}/metrics`, { headers: auth })).text();
    expect(text).toContain('claimdesk_checks_total{outcome="ok"} 2');
    expect(text).toContain('claimdesk_checks_total{outcome="not_found"} 1');
    expect(text).toContain('claimdesk_alerts_total{entry="nato-peacekeeping-centre"} 2');
    expect(text).toContain('claimdesk_cache_lookups_total{result="hit"} 1');
    expect(text).toContain('claimdesk_cache_lookups_total{result="miss"} 2');
    expect(text).toMatch(/claimdesk_fetch_seconds_count 2\b/);
    expect(text).toContain(`claimdesk_catalogue_info{version="${app.catalogue.version}"} 1`);
    expect(text).toMatch(/claimdesk_jobs_queued \d/);
    expect(text).toContain('claimdesk_reply_seconds_bucket');
  });
});

describe('the reply language on the API', () => {
  it('renders /api/preview in ?lang=ru, with English where the catalogue has no translation', async () => {
    const res = await fetch(`${base}/api/preview?lang=ru`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ url: `${pages.origin}/promo` }),
    });
    const j = (await res.json()) as { reply: { lang: string; headline: string }; html: string };
    expect(j.reply.lang).toBe('ru');
    expect(j.reply.headline).toMatch(/^Статья повторяет известное ложное утверждение/);
    const en = (await (
      await fetch(`${base}/api/preview`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ url: `${pages.origin}/promo` }),
      })
    ).json()) as { reply: { lang: string; headline: string } };
    expect(en.reply.lang).toBe('en');
    expect(en.reply.headline).toMatch(/^This article repeats a known false claim/);
  });
});
