/**
 * normalizeUrl: one spelling per page, used as the cache key and as the address that is fetched.
 * Built on the `normalize-url` package (WHATWG URL underneath): tracking parameters and the fragment
 * are dropped, the host is lower-cased and IDN hosts become punycode, default ports go away. Nothing
 * that could change which page is served is touched: `www.` stays, the scheme stays, path case stays,
 * meaningful query parameters stay (sorted, so the same page has one key).
 */
import normalize from 'normalize-url';
import { parseTelegramUrl, telegramPostUrl } from './telegram-url.js';

/** Query parameters that only track where a click came from; they never choose the page. */
export const TRACKING_PARAMS: ReadonlyArray<RegExp | string> = [
  /^utm_\w*$/i,
  /^(fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|twclid|ttclid|li_fat_id|yclid|ysclid)$/i,
  /^(_openstat|mc_cid|mc_eid|igshid|igsh|si|ref_src|ref_url|_ga|_gl|_hsenc|_hsmi|__hstc|__hssc|__hsfp)$/i,
  /^(mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|wickedid|rb_clickid|s_cid|spm|cmpid|ito|at_medium|at_campaign)$/i,
];

const OPTIONS = {
  defaultProtocol: 'https',
  normalizeProtocol: false,
  forceHttp: false,
  forceHttps: false,
  stripAuthentication: true,
  stripHash: true,
  stripTextFragment: true,
  stripWWW: false,
  // The query is cleaned and sorted by cleanQuery: normalize-url's own sorting decodes the whole
  // query, so `q=a%26b` (one parameter) would become `q=a&b` (two) and point at another page.
  removeQueryParameters: false,
  removeTrailingSlash: false,
  removeSingleSlash: true,
  removeDirectoryIndex: false,
  removeExplicitPort: false,
  sortQueryParameters: false,
} as const;

function isTracking(part: string): boolean {
  const raw = part.split('=', 1)[0] ?? '';
  let name = raw;
  try {
    name = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {}
  return TRACKING_PARAMS.some((p) => (typeof p === 'string' ? p === name : p.test(name)));
}

function nameOf(part: string): string {
  return part.split('=', 1)[0] ?? '';
}

/** Tracking parameters dropped, the others sorted by name (stable), each kept exactly as written. */
function cleanQuery(url: URL): void {
  if (url.search === '') return;
  const parts = url.search
    .slice(1)
    .split('&')
    .filter((p) => p !== '' && !isTracking(p));
  parts.sort((a, b) => {
    const x = nameOf(a);
    const y = nameOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  url.search = parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The normalized form of an http(s) URL, or null when `raw` is not one. */
export function normalizeUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return null;
  cleanQuery(parsed);
  // normalize-url also rewrites the query (it collapses "//" there: `?u=https://x` lost a slash on
  // every pass); the query is ours, so it is set aside and put back as cleanQuery left it.
  const query = parsed.search;
  parsed.search = '';
  let out: string;
  try {
    out = normalize(parsed.href, OPTIONS);
  } catch {
    return null;
  }
  if (query) {
    // With a query, the root keeps its slash (`https://x.example/?q=1`), as normalize-url wrote it.
    const bare = new URL(out);
    if (bare.pathname === '/' && !out.endsWith('/')) out += '/';
    out += query;
  }
  // One Telegram post has several addresses (t.me/s/…, telegram.me/…, ?single): one cache entry, one check.
  const tg = parseTelegramUrl(out);
  return tg?.kind === 'post' ? telegramPostUrl(tg.channel, tg.id) : out;
}
