/**
 * One hostile link must not freeze the server: analysis runs in worker threads with a budget, and
 * admission control answers 429 (with Retry-After) instead of letting checks pile up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckOutput } from '../../../src/model/types.js';
import { PROMOTING_RU } from '../../helpers/articles.js';
import { type FixtureServer, startFixtureServer } from '../../helpers/fixture-server.js';
import { type RunningApp, startHttpApp } from '../../helpers/http-app.js';

const SENTENCE =
  'В Алматы открылся миротворческий центр НАТО, где казахстанские военные будут обучаться по стандартам альянса. ';
const HOSTILE_HTML = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Центр НАТО</title></head><body><article><h1>Центр НАТО</h1><p>${SENTENCE.repeat(
  Math.ceil(2_000_000 / Buffer.byteLength(SENTENCE)),
)}</p></article></body></html>`;

const open: RunningApp[] = [];
let pages: FixtureServer | undefined;

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
  await pages?.close();
  pages = undefined;
});

async function start(env: Record<string, string>): Promise<RunningApp> {
  const running = await startHttpApp(env);
  open.push(running);
  return running;
}

async function check(
  base: string,
  body: unknown,
): Promise<{ status: number; retryAfter: string | null; json: unknown }> {
  const res = await fetch(`${base}/api/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: await res.json() };
}

/** Polls /healthz every 50 ms until `done` settles; the slowest answer in ms. */
async function slowestHealthz<T>(base: string, done: Promise<T>): Promise<{ slowest: number; value: T }> {
  let finished = false;
  let slowest = 0;
  const poll = (async () => {
    while (!finished) {
      const t = performance.now();
      const res = await fetch(`${base}/healthz`);
      await res.json();
      slowest = Math.max(slowest, performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const value = await done;
  finished = true;
  await poll;
  return { slowest, value };
}

describe('a hostile page', () => {
  it('is answered while /healthz stays quick (a 2 MB page of one matching sentence)', async () => {
    pages = await startFixtureServer({ '/hostile': { body: HOSTILE_HTML } });
    const { base } = await start({ FETCH_ALLOW_HOSTS: pages.hostPort, ANALYSIS_THREADS: '1' });
    const started = performance.now();
    const { slowest, value } = await slowestHealthz(base, check(base, { url: `${pages.origin}/hostile` }));
    expect(value.status).toBe(200);
    const result = (value.json as CheckOutput).results[0];
    // Any outcome is fine (a finding, or too_complex); what matters is an answer, and a free loop.
    expect(result?.status === 'ok' || result?.error?.code === 'too_complex').toBe(true);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(slowest).toBeLessThan(500);
  }, 60_000);

  it('over ANALYSIS_TIMEOUT_MS is the too_complex outcome, with a sentence for a person', async () => {
    const { base } = await start({ ANALYSIS_THREADS: '1', ANALYSIS_TIMEOUT_MS: '50' });
    const res = await check(base, { text: SENTENCE.repeat(4_500) });
    expect(res.status).toBe(200);
    const result = (res.json as CheckOutput).results[0];
    expect(result?.status).toBe('error');
    expect(result?.error?.code).toBe('too_complex');
    expect(result?.error?.message).toMatch(/too long or too repetitive/);
    expect(result?.alert).toBe(false);
  });
});

describe('admission control on the API', () => {
  it('answers 429 with Retry-After beyond ANALYSIS_QUEUE, counts refusals, and answers the rest', async () => {
    pages = await startFixtureServer({
      '/slow': async (_req, res) => {
        await new Promise((r) => setTimeout(r, 800));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PROMOTING_RU);
      },
    });
    const { base } = await start({ FETCH_ALLOW_HOSTS: pages.hostPort, ANALYSIS_QUEUE: '2' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => check(base, { url: `${pages?.origin}/slow?n=${i}` })),
    );
    const refused = results.filter((r) => r.status === 429);
    const answered = results.filter((r) => r.status === 200);
    expect(refused.length + answered.length).toBe(8);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(r.json).toMatchObject({ error: { code: 'busy' } });
    }
    for (const r of answered) expect((r.json as CheckOutput).results[0]?.alert).toBe(true);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(`claimdesk_admission_refused_total{surface="api"} ${refused.length}`);
    // Once the burst is over, a check is admitted again.
    expect((await check(base, { url: `${pages.origin}/slow?n=after` })).status).toBe(200);
  }, 60_000);

  it('refuses before reading the body, so a flood of large texts costs nothing', async () => {
    const { base, app } = await start({ ANALYSIS_QUEUE: '1' });
    const hold = app.admission.tryEnter();
    const res = await check(base, { text: 'x'.repeat(900_000) });
    expect(res.status).toBe(429);
    hold?.();
    expect((await check(base, { text: 'Короткий текст о погоде в Астане.' })).status).toBe(200);
  });
});
