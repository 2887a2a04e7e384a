/**
 * The editor's desk over HTTP on the real app: every API and page check lands in the history with
 * its surface, /api/digest counts exactly the checks made, the pages escape untrusted titles and
 * links, entry pages carry their denials, hits and ClaimReview, and the guard protects them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toClaimReview } from '../../../src/claims/export-claimreview.js';
import type { Digest } from '../../../src/model/digest.js';
import type { CheckRecord } from '../../../src/model/history.js';
import {
  ALERTING_TEXT,
  DEBUNKING_TEXT,
  HOSTILE_PAGE,
  HOSTILE_TITLE,
  NEUTRAL_TEXT,
} from '../../browser/fixtures.js';
import { type FixtureServer, startCanaryServer, startFixtureServer } from '../../helpers/fixture-server.js';
import { type RunningApp, startHttpApp } from '../../helpers/http-app.js';

let pages: FixtureServer;
let canary: FixtureServer;
let srv: RunningApp;

beforeAll(async () => {
  pages = await startFixtureServer({ '/hostile': { body: HOSTILE_PAGE } });
  canary = await startCanaryServer();
  srv = await startHttpApp({ FETCH_ALLOW_HOSTS: pages.hostPort });
});

afterAll(async () => {
  await srv?.close();
  await pages?.close();
  await canary?.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(srv.base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function all(): Promise<CheckRecord[]> {
  return srv.app.history.list({ from: new Date(0), to: new Date(Date.now() + 1) });
}

async function digest(query = ''): Promise<{ status: number; body: Digest }> {
  const res = await fetch(`${srv.base}/api/digest${query}`);
  return { status: res.status, body: (await res.json()) as Digest };
}

function record(over: Partial<CheckRecord>): CheckRecord {
  return {
    id: `r-${Math.random().toString(36).slice(2)}`,
    at: new Date().toISOString(),
    surface: 'slack',
    teamId: 'T1',
    channelId: 'C1',
    url: 'https://news.example/a',
    title: 'A',
    outcome: 'alert',
    errorCode: null,
    entries: [{ id: 'us-biolabs-in-kazakhstan', stance: 'promotes', confidence: 0.9 }],
    catalogueVersion: srv.app.catalogue.version,
    ...over,
  };
}

describe('the history of HTTP checks', () => {
  it('records API and page checks with their surface, and nothing for a rejected body', async () => {
    expect((await post('/api/check', { text: ALERTING_TEXT, offline: true })).status).toBe(200);
    expect((await post('/api/preview', { text: NEUTRAL_TEXT, offline: true })).status).toBe(200);
    const page = { 'x-claimdesk-surface': 'page' };
    expect((await post('/api/preview', { text: DEBUNKING_TEXT, offline: true }, page)).status).toBe(200);
    expect(
      (await post('/api/check', { url: pages.url('/hostile') }, { 'x-claimdesk-surface': 'slack' })).status,
    ).toBe(200);
    expect((await post('/api/check', { url: canary.url('/') })).status).toBe(200);
    expect((await post('/api/check', { nope: 1 })).status).toBe(400);

    const recs = (await all()).reverse();
    expect(recs.map((r) => [r.surface, r.outcome])).toEqual([
      ['api', 'alert'],
      ['api', 'silent'],
      ['page', 'silent'],
      ['api', 'alert'],
      ['api', 'unreadable'],
    ]);
    expect(recs[2]?.entries).toEqual([
      expect.objectContaining({ id: 'nato-peacekeeping-centre', stance: 'debunks' }),
    ]);
    expect(recs[3]).toMatchObject({ url: pages.url('/hostile'), title: HOSTILE_TITLE, teamId: null });
    expect(recs[4]).toMatchObject({ errorCode: 'blocked_address', url: canary.url('/') });
    expect(canary.connections).toBe(0);
    // Ids only: no text of the check is kept.
    expect(JSON.stringify(recs)).not.toContain('quietly allowed');
  });

  it('answers the check even when the history cannot be written', async () => {
    const history = srv.app.history;
    srv.app.history = { ...history, record: async () => Promise.reject(new Error('disk full')) };
    try {
      const { status, json } = await post('/api/check', { text: ALERTING_TEXT, offline: true });
      expect(status).toBe(200);
      expect((json.results as Array<{ alert: boolean }>)[0]?.alert).toBe(true);
    } finally {
      srv.app.history = history;
    }
    expect(await all()).toHaveLength(5);
  });
});

describe('GET /api/digest', () => {
  it('counts exactly the checks made, per entry, with the links and the feedback', async () => {
    await srv.app.feedback.record({
      platform: 'http',
      teamId: null,
      channelId: 'c',
      messageId: 'm',
      entryIds: ['nato-peacekeeping-centre'],
      verdict: 'helpful',
      userId: 'u',
    });
    const { status, body } = await digest('?days=7');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      'alerts',
      'checks',
      'entries',
      'feedback',
      'from',
      'to',
      'unreadable',
    ]);
    expect(body).toMatchObject({ checks: 5, alerts: 2, unreadable: 1, feedback: { helpful: 1, wrong: 0 } });
    expect(body.entries).toEqual([
      {
        id: 'nato-peacekeeping-centre',
        title: srv.app.catalogue.byId.get('nato-peacekeeping-centre')?.title.en,
        checks: 3,
        alerts: 2,
        reports: 0,
        debunks: 1,
        links: [{ url: pages.url('/hostile'), title: HOSTILE_TITLE, at: expect.any(String) }],
      },
    ]);
    expect(Date.parse(body.to) - Date.parse(body.from)).toBeGreaterThan(6 * 86_400_000);
    expect(Date.parse(body.from) % 86_400_000).toBe(0);
  });

  it('keeps to the window and to one workspace when asked', async () => {
    const old = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await srv.app.history.record(record({ id: 'old', at: old }));
    await srv.app.history.record(record({ id: 't1' }));
    await srv.app.history.record(record({ id: 't2', teamId: 'T2', outcome: 'silent', entries: [] }));
    expect((await digest()).body.checks).toBe(7);
    expect((await digest('?days=30')).body.checks).toBe(8);
    const t1 = (await digest('?days=30&team=T1')).body;
    expect(t1).toMatchObject({ checks: 2, alerts: 2, unreadable: 0 });
    expect(t1.entries.map((e) => [e.id, e.checks])).toEqual([['us-biolabs-in-kazakhstan', 2]]);
    expect((await digest('?team=T2')).body).toMatchObject({ checks: 1, alerts: 0, entries: [] });
    expect((await digest('?team=nobody')).body.checks).toBe(0);
  });

  it.each([
    '?days=0',
    '?days=366',
    '?days=abc',
    '?days=1.5',
    '?days=-3',
    '?days=7&days=8',
    '?team=',
    `?team=${'x'.repeat(101)}`,
    '?team=%3Cscript%3E',
  ])('refuses %s with a sentence', async (q) => {
    const res = await fetch(`${srv.base}/api/digest${q}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/^Give \?(days|team)=/);
  });
});

describe('the desk page', () => {
  let html: string;
  let res: Response;
  beforeAll(async () => {
    await srv.app.history.record(
      record({ id: 'js-link', url: 'javascript:alert(document.cookie)', title: 'js link' }),
    );
    res = await fetch(`${srv.base}/`);
    html = await res.text();
  });

  it('keeps the checker and shows the digest, the chart and the recent checks', () => {
    expect(res.status).toBe(200);
    expect(html).toContain('<form id="check">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<dd data-total="checks">8<\/dd>/);
    expect(html).toMatch(/<dd data-total="alerts">4<\/dd>/);
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(html).toContain('<title id="chart-title">Checks and alerts per day');
    expect(html).toContain('<table class="by-day">');
    expect(html).toContain('<h2 id="recent-h">Recent checks</h2>');
    expect(html).toContain('href="/entries/nato-peacekeeping-centre"');
  });

  it('escapes untrusted titles and never links a javascript: address', () => {
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&#60;script&#62;window.__pwned=1&#60;/script&#62;');
    expect(html).toContain('<td data-label="What">js link</td>');
    // The only scripts are the desk's own, by nonce.
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([`<script nonce="${nonce}">`]);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refreshes its live part as HTML, and refuses a bad window', async () => {
    const live = (await (await fetch(`${srv.base}/api/desk?days=30`)).json()) as {
      html: string;
      digest: Digest;
    };
    expect(live.digest.checks).toBe(9);
    expect(live.html).toContain('<dd data-total="checks">9</dd>');
    expect(live.html).not.toContain('<script');
    expect((await fetch(`${srv.base}/api/desk?days=0`)).status).toBe(400);
    const bad = await fetch(`${srv.base}/?days=1000`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Give ?days= as a whole number');
  });
});

describe('entry pages', () => {
  it('show the context, the official denials (who, when, link), the hits and the ClaimReview', async () => {
    const res = await fetch(`${srv.base}/entries/nato-peacekeeping-centre`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const entry = srv.app.catalogue.byId.get('nato-peacekeeping-centre');
    if (!entry) throw new Error('the shipped catalogue lost nato-peacekeeping-centre');
    const official = entry.denials.filter((d) => d.type === 'official');
    expect(official.length).toBeGreaterThan(0);
    for (const d of official) {
      expect(html).toContain(`href="${d.url.replace(/&/g, '&#38;')}"`);
      expect(html).toContain(`<time datetime="${d.date}">`);
    }
    expect(html).toContain('<h2 id="hits-h">Hits <span class="muted">(3, last 90 days)</span></h2>');
    expect(html).not.toContain('<script>window.__pwned');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(ld).toBeTruthy();
    const review = JSON.parse(ld ?? '{}');
    const expected = toClaimReview(entry);
    expect(review).toMatchObject({ '@type': 'ClaimReview', claimReviewed: expected.claimReviewed });
    expect(review.citation.map((c: { url: string }) => c.url)).toEqual(expected.citation.map((c) => c.url));
  });

  it('give a narrative no ClaimReview, and an unknown id a 404 page with the id escaped', async () => {
    const narrative = srv.app.catalogue.entries.find((e) => e.kind === 'narrative');
    const n = await (await fetch(`${srv.base}/entries/${narrative?.id}`)).text();
    expect(n).not.toContain('application/ld+json');
    expect(n).toContain('Claims of this narrative');
    const res = await fetch(`${srv.base}/entries/${encodeURIComponent('<script>x</script>')}`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(body).not.toContain('<script>x');
  });
});

describe('the desk behind API_TOKEN', () => {
  it('opens the pages with ?token=, and the digest only with the bearer header', async () => {
    const guarded = await startHttpApp({ API_TOKEN: 'desk-token-1' });
    const get = (path: string, auth?: string) =>
      fetch(guarded.base + path, auth ? { headers: { authorization: `Bearer ${auth}` } } : {}).then(
        (r) => r.status,
      );
    try {
      expect(await get('/entries/nato-peacekeeping-centre')).toBe(401);
      expect(await get('/entries/nato-peacekeeping-centre?token=wrong')).toBe(401);
      expect(await get('/entries/nato-peacekeeping-centre?token=desk-token-1')).toBe(200);
      expect(await get('/entries/nato-peacekeeping-centre', 'desk-token-1')).toBe(200);
      expect(await get('/entries/a/b?token=desk-token-1')).toBe(404);
      expect(await get('/api/digest?token=desk-token-1')).toBe(401);
      expect(await get('/api/desk?token=desk-token-1')).toBe(401);
      expect(await get('/api/digest', 'desk-token-1')).toBe(200);
      expect(await get('/?days=1&token=desk-token-1')).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
