/**
 * Finds http(s) links in chat text, each with its position: Slack `<url|label>` and `<url>`, Discord
 * `<url>` (embed suppressed), markdown `[label](url)`, and bare URLs (Cyrillic hosts and paths included,
 * punctuation and unbalanced closing brackets after them trimmed, `www.` and `t.me/` without a scheme).
 */

export interface FoundUrl {
  index: number;
  url: string;
}

const ANGLE = /<(https?:\/\/[^\s|<>]+)(?:\|[^<>]*)?>/giu;
const MD_OPEN = /\[[^\]\n]{0,500}\]\(\s*<?(?=https?:\/\/)/giu;
const BARE =
  /(?<![\p{L}\p{N}_@./:-])(?:https?:\/\/|www\.|(?:t|telegram)\.me\/)[^\s<>"'`«»“”„‹›{}|\\^[\]]+/giu;

const TRAILING = new Set([...'.,;:!?…。，、；：！？»”’"\'*~']);
const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n += 1;
  return n;
}

/** Drops sentence punctuation and unbalanced closing brackets from the end of a bare URL. */
export function trimUrlEnd(raw: string): string {
  let s = raw;
  for (;;) {
    const last = s.at(-1);
    if (last === undefined) return s;
    const open = PAIRS[last];
    if (open !== undefined) {
      if (count(s, open) >= count(s, last)) return s;
      s = s.slice(0, -1);
    } else if (TRAILING.has(last)) {
      s = s.slice(0, -1);
    } else {
      return s;
    }
  }
}

function withScheme(url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  if (/^www\./i.test(url)) return `http://${url}`;
  return `https://${url}`;
}

/** Reads a markdown link target starting at `start`: stops at whitespace or an unbalanced `)`. */
function markdownTarget(text: string, start: number): string {
  let depth = 0;
  let end = start;
  while (end < text.length) {
    const ch = text[end] ?? '';
    if (/\s/u.test(ch) || ch === '>' || ch === '<') break;
    if (ch === '(') depth += 1;
    if (ch === ')') {
      if (depth === 0) break;
      depth -= 1;
    }
    end += 1;
  }
  return text.slice(start, end);
}

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/** All links in `text`, in order of appearance (duplicates kept; the caller normalizes and dedupes). */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  let rest = text;

  for (const m of text.matchAll(ANGLE)) {
    const url = m[1];
    if (url === undefined) continue;
    found.push({ index: m.index, url: decodeEntities(url) });
    rest = blank(rest, m.index, m.index + m[0].length);
  }

  for (const m of rest.matchAll(MD_OPEN)) {
    const start = m.index + m[0].length;
    const url = markdownTarget(rest, start);
    if (url.length === 0) continue;
    found.push({ index: m.index, url: decodeEntities(url) });
    rest = blank(rest, m.index, start + url.length);
  }

  for (const m of rest.matchAll(BARE)) {
    const url = trimUrlEnd(m[0]);
    if (/^(?:https?:\/\/|www\.|(?:t|telegram)\.me\/)$/i.test(url)) continue;
    found.push({ index: m.index, url: withScheme(decodeEntities(url)) });
  }

  return found.sort((a, b) => a.index - b.index);
}
