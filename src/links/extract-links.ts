/**
 * extractLinks: the links a chat message asks us to check — from its text (Slack, Discord, markdown,
 * bare URLs) plus links the adapter found in structured parts (Slack rich_text blocks) — normalized,
 * deduplicated in order of appearance, and capped per message.
 */
import { findUrls } from './find-urls.js';
import { normalizeUrl } from './normalize-url.js';

export { linksFromRichText } from './slack-rich-text.js';

/** Longer texts are cut before scanning; a chat message is never this long. */
const MAX_TEXT = 200_000;

export interface ExtractedLinks {
  /** Normalized http(s) URLs, at most `max`. */
  links: string[];
  /** Distinct links beyond the cap, not checked. */
  skipped: number;
}

export function extractLinks(text: string, extra: readonly string[], max: number): ExtractedLinks {
  const candidates = [...findUrls(text.slice(0, MAX_TEXT)).map((f) => f.url), ...extra];
  const seen = new Set<string>();
  const seenRaw = new Set<string>();
  const unique: string[] = [];
  for (const raw of candidates) {
    // A message repeating one link thousands of times normalizes it once.
    if (seenRaw.has(raw)) continue;
    seenRaw.add(raw);
    const url = normalizeUrl(raw);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    unique.push(url);
  }
  const cap = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : unique.length;
  return { links: unique.slice(0, cap), skipped: Math.max(0, unique.length - cap) };
}
