/**
 * The editor's desk in a real browser (Debian's headless Chromium through playwright-core), on the
 * real app server on 127.0.0.1 with the shipped catalogue: paste a text and see the alert, open the
 * entry, make a few checks and read the digest; with the keyboard, at phone width, and with no
 * request leaving 127.0.0.1. DESK_SCREENSHOT=path saves a screenshot of the desk after the checks.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model/digest.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import { type RunningApp, startHttpApp } from '../helpers/http-app.js';
import { browserTestsRun, type GuardedContext, launchChromium, localOnlyContext } from './chromium.js';
import { ALERTING_TEXT, DEBUNKING_TEXT, HOSTILE_PAGE, HOSTILE_TITLE, NEUTRAL_TEXT } from './fixtures.js';

const T = 60_000;
let browser: Browser;
let guarded: GuardedContext;
let srv: RunningApp;
let pages: FixtureServer;
const problems: string[] = [];

beforeAll(async () => {
  if (!browserTestsRun) return;
  pages = await startFixtureServer({ '/hostile': { body: HOSTILE_PAGE } });
  srv = await startHttpApp({ FETCH_ALLOW_HOSTS: pages.hostPort });
  browser = await launchChromium();
  guarded = await localOnlyContext(browser, { viewport: { width: 1100, height: 900 } });
}, T);

afterAll(async () => {
  await browser?.close();
  await srv?.close();
  await pages?.close();
});

/** A page that records script errors, dialogs and console errors as problems. */
async function open(path: string, ctx = guarded): Promise<Page> {
  const page = await ctx.context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(srv.base + path);
  return page;
}

async function check(page: Page, input: string, checksAfter: number): Promise<void> {
  await page.getByLabel('Link or text').fill(input);
  await page.getByRole('button', { name: 'Check' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#result article.item').first().waitFor();
  // The digest refreshes itself after the check.
  await expect.poll(() => total(page, 'checks'), { timeout: 10_000 }).toBe(checksAfter);
}

async function total(page: Page, key: string): Promise<number> {
  return Number(await page.locator(`#desk [data-total="${key}"]`).textContent());
}

describe.skipIf(!browserTestsRun)("the editor's desk in Chromium", () => {
  it(
    'pastes a text, shows the alert, and opens the entry with its denials, hits and ClaimReview',
    async () => {
      const page = await open('/');
      // The keyboard's first stop is the skip link, with a visible focus ring.
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ text: string; outline: string }>(
        '({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })',
      );
      expect(focused).toEqual({ text: 'Skip to the content', outline: 'solid' });

      await check(page, ALERTING_TEXT, 1);
      const alert = page.locator('#result article.item.alert');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.locator('.verdict').textContent()).toBeTruthy();
      expect(await alert.textContent()).toContain('nato-peacekeeping-centre');
      expect(await total(page, 'alerts')).toBe(1);

      const entryLink = alert.getByRole('link', { name: /^Entry page: / }).first();
      await entryLink.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/entries/nato-peacekeeping-centre');
      const entry = srv.app.catalogue.byId.get('nato-peacekeeping-centre');
      expect(await page.locator('h1').textContent()).toBe(entry?.title.en);
      const denials = page.locator('section[aria-labelledby="denials-h"] ul.denials > li');
      expect(await denials.count()).toBeGreaterThan(0);
      expect(await denials.first().locator('a').getAttribute('href')).toMatch(/^https:\/\//);
      expect(await denials.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}/);
      const hits = page.locator('table.hits tbody tr');
      expect(await hits.count()).toBe(1);
      expect(await hits.first().textContent()).toContain('Page');
      expect(await hits.first().textContent()).toContain('promotes');
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
      expect(ld).toMatchObject({ '@type': 'ClaimReview', claimReviewed: entry?.title.en });
      await page.close();
    },
    T,
  );

  it(
    'counts a few checks in the digest, live and after a reload, as /api/digest does',
    async () => {
      const page = await open('/');
      expect(await total(page, 'checks')).toBe(1);
      await check(page, NEUTRAL_TEXT, 2);
      await check(page, DEBUNKING_TEXT, 3);
      await check(page, pages.url('/hostile'), 4);
      expect(await page.locator('#result article.item.alert').count()).toBe(1);

      const api = (await (await fetch(`${srv.base}/api/digest?days=7`)).json()) as Digest;
      expect(api).toMatchObject({ checks: 4, alerts: 2, unreadable: 0 });
      for (const p of [page, await open('/')]) {
        expect([await total(p, 'checks'), await total(p, 'alerts'), await total(p, 'unreadable')]).toEqual([
          4, 2, 0,
        ]);
        const row = p.locator('table.entries tr[data-entry="nato-peacekeeping-centre"] td.n');
        expect(await row.allTextContents()).toEqual(['3', '2', '0', '1']);
        expect(await p.locator('.chart svg').getAttribute('role')).toBe('img');
        expect(await p.locator('.chart svg title#chart-title').textContent()).toMatch(
          /^Checks and alerts per day/,
        );
        expect(await p.locator('table.by-day tbody tr').last().locator('td').allTextContents()).toEqual([
          '4',
          '2',
        ]);
        // The hostile title is shown as text; nothing in it ran or became markup.
        expect(await p.locator('table.recent').textContent()).toContain(
          HOSTILE_TITLE.replace(/<\/?a[^>]*>/g, (m) => m),
        );
        expect(await p.evaluate('typeof window.__pwned')).toBe('undefined');
        expect(await p.locator('#desk img, #desk script, #desk a[href^="javascript:"]').count()).toBe(0);
      }
      expect(
        (await srv.app.history.list({ from: new Date(0), to: new Date(Date.now() + 1) })).map(
          (r) => r.surface,
        ),
      ).toEqual(['page', 'page', 'page', 'page']);
      if (process.env.DESK_SCREENSHOT) {
        // The checker, the digest and the recent checks: the page down to the catalogue's heading.
        const top = await page.evaluate<number>(
          "document.getElementById('catalogue-h').getBoundingClientRect().top + window.scrollY",
        );
        const height = Math.ceil(top + 120);
        await page.screenshot({
          path: process.env.DESK_SCREENSHOT,
          fullPage: true,
          clip: { x: 0, y: 0, width: 1100, height },
        });
      }
    },
    T,
  );

  it(
    'fits a phone screen without sideways scrolling',
    async () => {
      const phone = await localOnlyContext(browser, {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        for (const path of ['/', '/entries/nato-peacekeeping-centre']) {
          const page = await open(path, phone);
          const fit = await page.evaluate<{ scroll: number; width: number; input: number }>(`({
          scroll: document.documentElement.scrollWidth,
          width: window.innerWidth,
          input: document.querySelector('textarea, h1').getBoundingClientRect().right,
        })`);
          expect(fit.scroll).toBeLessThanOrEqual(fit.width);
          expect(fit.input).toBeLessThanOrEqual(fit.width);
        }
        expect(phone.external).toEqual([]);
      } finally {
        await phone.context.close();
      }
    },
    T,
  );

  it(
    'works behind API_TOKEN: opened with ?token=, it checks and follows its links with the token',
    async () => {
      const locked = await startHttpApp({ API_TOKEN: 'desk-browser-token' });
      const ctx = await localOnlyContext(browser);
      try {
        const denied = await ctx.context.newPage();
        expect((await denied.goto(`${locked.base}/`))?.status()).toBe(401);
        const page = await ctx.context.newPage();
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await page.goto(`${locked.base}/?token=desk-browser-token`);
        await page.getByLabel('Link or text').fill(ALERTING_TEXT);
        await page.getByRole('button', { name: 'Check' }).click();
        await page.locator('#result article.item.alert').waitFor();
        await expect.poll(() => total(page, 'checks'), { timeout: 10_000 }).toBe(1);
        await page
          .locator('#result')
          .getByRole('link', { name: /^Entry page: / })
          .first()
          .click();
        await page.waitForURL('**/entries/nato-peacekeeping-centre?token=desk-browser-token');
        expect(await page.locator('table.hits tbody tr').count()).toBe(1);
        expect(ctx.external).toEqual([]);
      } finally {
        await ctx.context.close();
        await locked.close();
      }
    },
    T,
  );

  it(
    'aborts and records a request outside 127.0.0.1 (the guard the other tests rely on)',
    async () => {
      const probe = await localOnlyContext(browser);
      try {
        const page = await probe.context.newPage();
        await page.goto(`${srv.base}/healthz`);
        await page.evaluate("fetch('http://192.0.2.1/beacon').catch(() => null)");
        expect(probe.external).toEqual(['http://192.0.2.1/beacon']);
      } finally {
        await probe.context.close();
      }
    },
    T,
  );

  it('made no request outside 127.0.0.1 and hit no script error', () => {
    expect(guarded.external).toEqual([]);
    expect(problems).toEqual([]);
  });
});
