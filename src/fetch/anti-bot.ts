/**
 * Recognizes anti-bot challenge pages (Cloudflare "Just a moment…", DDoS-Guard, Incapsula, Qrator,
 * captcha interstitials) from their title and markup. Cloudflare also injects its challenge script
 * into ordinary pages, so markup alone counts only when the page has little text of its own.
 */
import { CHALLENGE_TITLE } from './page-phrases.js';

const CHALLENGE_MARKUP =
  /(cf-browser-verification|cf_chl_opt|cf-challenge|id=["']challenge-(form|running|stage)|__cf_chl_|cdn-cgi\/challenge-platform\/h\/|ddos-guard|ddg-captcha|check\.ddos-guard\.net|_incapsula_resource|incapsula incident|captcha-delivery\.com|qrator|servicepipe\.ru|id=["']px-captcha)/i;

const STRONG_MARKUP =
  /(cf_chl_opt|cf-browser-verification|id=["']challenge-form|ddg-captcha|incapsula incident)/i;

export function challengeTitle(title: string | null): boolean {
  return title !== null && CHALLENGE_TITLE.test(title);
}

/**
 * True when `html` is a challenge page. `textLength` is the length of the page's own readable text;
 * weak markers only count on pages with little text.
 */
export function looksLikeChallenge(html: string, title: string | null, textLength: number): boolean {
  const head = html.slice(0, 300_000);
  if (challengeTitle(title) && textLength < 2_000) return true;
  if (STRONG_MARKUP.test(head) && textLength < 2_000) return true;
  return CHALLENGE_MARKUP.test(head) && textLength < 600;
}

/** The <title> of an HTML string, without parsing the whole document. */
export function rawTitle(html: string): string | null {
  const m = /<title[^>]*>([^<]{0,300})<\/title>/i.exec(html.slice(0, 100_000));
  return m?.[1]
    ? m[1]
        .replace(/&hellip;/g, '…')
        .replace(/\s+/g, ' ')
        .trim()
    : null;
}

/** A rough length of the visible text of an HTML string (scripts, styles and tags removed). */
export function rawTextLength(html: string): number {
  return html
    .slice(0, 300_000)
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;
}
