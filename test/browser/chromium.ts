/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), headless and quiet on
 * the network, with every request that is not to 127.0.0.1 aborted and remembered so a test can
 * fail on it. Without Chromium the browser tests are skipped with a message, except in CI (CI set),
 * where they fail: .ci/run installs the `chromium` package.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM_PATH);

/** Whether the browser tests run here (skipped only outside CI when Chromium is missing). */
export const browserTestsRun = present || Boolean(process.env.CI);

if (!browserTestsRun) {
  console.warn(
    `test/browser: SKIPPED, no Chromium at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH; with CI set these tests fail instead.`,
  );
}

export async function launchChromium(): Promise<Browser> {
  if (!present) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: .ci/run installs Debian's chromium package (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface GuardedContext {
  context: BrowserContext;
  /** Requests to anywhere but 127.0.0.1, aborted: a test asserts this stays empty. */
  external: string[];
}

/** A context whose pages may only reach 127.0.0.1 (anything else is aborted and recorded). */
export async function localOnlyContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<GuardedContext> {
  const context = await browser.newContext(options);
  const external: string[] = [];
  await context.route('**', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    external.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return { context, external };
}
