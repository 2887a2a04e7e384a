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
const BRACKETS = new Set([...'()[]{}']);

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Drops sentence punctuation and unbalanced closing brackets from the end of a bare URL. */
export function trimUrlEnd(raw: string): string {
  // Bracket counts are kept up to date as the end is cut: linear however long a tail of `)))`.
  const counts = new Map<string, number>();
  for (const c of raw) if (BRACKETS.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  let end = raw.length;
  while (end > 0) {
    const last = raw[end - 1] ?? '';
    const open = PAIRS[last];
    if (open !== undefined) {
      if ((counts.get(open) ?? 0) >= (counts.get(last) ?? 0)) break;
      counts.set(last, (counts.get(last) ?? 0) - 1);
    } else if (!TRAILING.has(last)) {
      break;
    }
    end -= 1;
  }
  return raw.slice(0, end);
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

/** `text` with every [from, to) span blanked out (spans in order): one pass, not one copy per span. */
function blankSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    const start = Math.max(from, at);
    if (to <= start) continue;
    parts.push(text.slice(at, start), ' '.repeat(to - start));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** All links in `text`, in order of appearance (duplicates kept; the caller normalizes and dedupes). */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];

  const angleSpans: Array<[number, number]> = [];
  for (const m of text.matchAll(ANGLE)) {
    const url = m[1];
    if (url === undefined) continue;
    found.push({ index: m.index, url: decodeEntities(url) });
    angleSpans.push([m.index, m.index + m[0].length]);
  }
  const afterAngle = blankSpans(text, angleSpans);

  // A markdown link whose target would start inside an earlier link's target belongs to that link.
  const mdSpans: Array<[number, number]> = [];
  let taken = 0;
  for (const m of afterAngle.matchAll(MD_OPEN)) {
    const start = m.index + m[0].length;
    if (start < taken) continue;
    const url = markdownTarget(afterAngle, start);
    if (url.length === 0) continue;
    found.push({ index: m.index, url: decodeEntities(url) });
    mdSpans.push([m.index, start + url.length]);
    taken = start + url.length;
  }
  const rest = blankSpans(afterAngle, mdSpans);

  for (const m of rest.matchAll(BARE)) {
    const url = trimUrlEnd(m[0]);
    if (/^(?:https?:\/\/|www\.|(?:t|telegram)\.me\/)$/i.test(url)) continue;
    found.push({ index: m.index, url: withScheme(decodeEntities(url)) });
  }

  return found.sort((a, b) => a.index - b.index);
}
