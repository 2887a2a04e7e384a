/**
 * The wording of pages that are no article, in every language of the registry (`pages:` in
 * lang/<id>/language.yaml), compiled once into the patterns page-checks.ts and anti-bot.ts test.
 * Language-neutral markers (a heading "404", the DDoS-Guard name) are here.
 */
import { defaultRegistry } from '../lang/load.js';
import type { PagePhrases } from '../lang/schema.js';

function any(kind: keyof PagePhrases, neutral: readonly string[] = []): string {
  const all = [...neutral, ...defaultRegistry().union((l) => l.pages[kind])];
  return all.length > 0 ? all.map((p) => `(?:${p})`).join('|') : '(?!)';
}

/** An anti-bot interstitial's title (Cloudflare "Just a moment…", "Проверка браузера"). */
export const CHALLENGE_TITLE = new RegExp(`^\\s*(${any('challenge', ['ddos-guard'])})`, 'i');

/** A heading that is only an error message (matched at its start, site name after a separator ignored). */
export const SOFT_404 = new RegExp(`^\\s*((${any('error')})\\s*)?(${any('not_found', ['404\\b'])})`, 'i');

export const LOGIN_TITLE = new RegExp(`^\\s*(${any('login')})(\\s|$|[|:—–-])`, 'i');

export const PAYWALL_TEXT = new RegExp(`(${any('paywall')})`, 'i');

export const COOKIE_TEXT = new RegExp(`(${any('cookies')})`, 'i');
