/**
 * Pages that are not the article: anti-bot challenges, soft 404s (a "page not found" served with
 * 200), login walls, paywall stubs, cookie walls and empty pages. They are reported as FetchError
 * (unreadable / not_found) and never matched. Signals are collected before the DOM is cleaned; the
 * verdict also weighs how much article text extraction found, so an ordinary article with a login
 * link, a newsletter box or a cookie banner is still read.
 */
import { looksLikeChallenge, rawTextLength } from './anti-bot.js';
import { type DomDocument, textOf } from './dom.js';
import { fail } from './fetch-errors.js';
import type { PageMetadata } from './page-metadata.js';
import { COOKIE_TEXT, LOGIN_TITLE, PAYWALL_TEXT, SOFT_404 } from './page-phrases.js';

export interface PageSignals {
  challenge: boolean;
  titleTag: string | null;
  h1: string | null;
  passwordField: boolean;
  paywallMarkup: boolean;
  consentMarkup: boolean;
  /** Visible text of the whole page before cleaning, cut to a sane length (for phrase checks). */
  pageText: string;
}

/** Below this much extracted text a page may be a stub rather than an article. */
const STUB_TEXT = 1_500;
/** Below this much text there is nothing to check. */
export const MIN_TEXT = 40;

const PAYWALL_MARKUP =
  '.paywall, #paywall, [class*="paywall"], [class*="premium-lock"], [class*="subscriber-only"], .tp-modal, [class*="regwall"]';
const CONSENT_MARKUP =
  '[class*="cookie"], [id*="cookie"], [class*="consent"], [id*="consent"], [class*="gdpr"], [id*="gdpr"], [class*="cmp-"], [id*="cmp-"]';

export function collectSignals(doc: DomDocument, html: string, titleTag: string | null): PageSignals {
  const body = doc.body;
  const pageText = (body ? (textOf(body) ?? '') : '').slice(0, 50_000);
  return {
    challenge: looksLikeChallenge(html, titleTag, rawTextLength(html)),
    titleTag,
    h1: textOf(doc.querySelector('h1')),
    passwordField: doc.querySelector('input[type="password"]') !== null,
    paywallMarkup: doc.querySelector(PAYWALL_MARKUP) !== null,
    consentMarkup: doc.querySelector(CONSENT_MARKUP) !== null,
    pageText,
  };
}

/** Throws the FetchError for a page that is not an article; `text` is what extraction found. */
export function rejectNonArticle(signals: PageSignals, meta: PageMetadata, text: string): void {
  const length = text.length;
  const stub = length < STUB_TEXT;
  if (signals.challenge) throw fail.antiBot();
  const headings = [signals.titleTag, signals.h1].filter((t): t is string => t !== null);
  if (stub && headings.some((h) => SOFT_404.test(h))) throw fail.softNotFound();
  // Many sites keep a hidden login form on every page: a password field alone needs a near-empty page.
  if ((stub && headings.some((h) => LOGIN_TITLE.test(h))) || (signals.passwordField && length < 500)) {
    throw fail.loginWall();
  }
  const paywallMarkers = signals.paywallMarkup || PAYWALL_TEXT.test(signals.pageText);
  if ((stub && meta.jsonLd?.isAccessibleForFree === false) || (length < 1_000 && paywallMarkers))
    throw fail.paywall();
  const consent = signals.consentMarkup || COOKIE_TEXT.test(signals.pageText);
  if (length < 300 && consent) throw fail.cookieWall();
}
