/**
 * The part of an article the model sees, within a token budget however long the article: title,
 * lead, the passages around lexical hits (and their neighbours), then the passages that share the
 * most weighted terms with the candidates. Passages keep their order; "[…]" marks what was left out.
 * All article text is neutralized so it cannot close the <article> delimiter.
 */
import type { Article, Match } from '../model/types.js';
import type { KeyFn } from './retrieval.js';
import { estimateTokens, neutralizeDelimiters, truncateToTokens } from './tokens.js';

export interface Passage {
  start: number;
  end: number;
  text: string;
}

const MAX_PASSAGE_CHARS = 600;
const GAP = '\n\n[…]\n\n';
const GAP_TOKENS = estimateTokens(GAP);

/** Paragraphs, with long ones cut at sentence ends into chunks of at most ~600 characters. */
export function splitPassages(text: string): Passage[] {
  const out: Passage[] = [];
  const para = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(para)) {
    const body = m[0];
    if (!body.trim()) continue;
    let base = m.index;
    const sentences = body.split(/(?<=[.!?…]["»”’)]*\s+)/);
    let chunk = '';
    const flush = (): void => {
      if (chunk.trim()) out.push({ start: base, end: base + chunk.length, text: chunk.trim() });
      base += chunk.length;
      chunk = '';
    };
    for (const s of sentences) {
      if (chunk && chunk.length + s.length > MAX_PASSAGE_CHARS) flush();
      chunk += s;
      while (chunk.length > MAX_PASSAGE_CHARS * 2) {
        const head = chunk.slice(0, MAX_PASSAGE_CHARS);
        out.push({ start: base, end: base + head.length, text: head.trim() });
        base += head.length;
        chunk = chunk.slice(MAX_PASSAGE_CHARS);
      }
    }
    flush();
  }
  return out.filter((p) => p.text.length > 0);
}

export interface ExcerptInput {
  article: Pick<Article, 'title' | 'text' | 'language'>;
  lexical: ReadonlyArray<Match>;
  /** splitPassages(article.text), and the distinct term keys of each passage. */
  passages: ReadonlyArray<Passage>;
  passageKeys: ReadonlyArray<ReadonlySet<string>>;
  /** Weight of a term key for relevance to the candidates (0 when irrelevant). */
  weight: (key: string) => number;
  budget: number;
}

/** The passages of a text with their distinct term keys (computed once per request). */
export function passagesWithKeys(
  text: string,
  keys: KeyFn,
): { passages: Passage[]; passageKeys: Set<string>[] } {
  const passages = splitPassages(text);
  return { passages, passageKeys: passages.map((p) => new Set(keys(p.text))) };
}

function hitPassages(
  passages: ReadonlyArray<Passage>,
  text: string,
  lexical: ReadonlyArray<Match>,
): number[] {
  const hits = new Set<number>();
  for (const m of lexical) {
    for (const ev of m.evidence) {
      const quote = ev.quote.trim();
      if (!quote) continue;
      let at = text.indexOf(quote);
      while (at >= 0) {
        const i = passages.findIndex((p) => p.end > at && p.start < at + quote.length);
        if (i >= 0) hits.add(i);
        at = text.indexOf(quote, at + quote.length);
      }
    }
  }
  return [...hits].sort((a, b) => a - b);
}

export function buildExcerpt(input: ExcerptInput): { text: string; tokens: number; complete: boolean } {
  const { article, lexical, passages, passageKeys, weight, budget } = input;
  const head = [
    `Title: ${neutralizeDelimiters(truncateToTokens(article.title?.replace(/\s+/g, ' ').trim() || '(none)', 80))}`,
    `Language: ${article.language ?? 'unknown'}`,
    'Text:',
  ].join('\n');
  // Reserve one extra gap marker (n passages have at most n + 1) and the joining newlines.
  let remaining = budget - estimateTokens(head) - GAP_TOKENS - 2;
  const cost = passages.map((p) => estimateTokens(neutralizeDelimiters(p.text)) + GAP_TOKENS);

  const order: number[] = [];
  // The lead: up to a quarter of the budget.
  let lead = 0;
  for (let i = 0; i < passages.length && lead < budget / 4; i++) {
    order.push(i);
    lead += cost[i] ?? 0;
  }
  const hits = hitPassages(passages, article.text, lexical);
  order.push(...hits);
  for (const i of hits) order.push(i - 1, i + 1);
  const scored = passages.map((_, i) => {
    let s = 0;
    for (const k of passageKeys[i] ?? []) s += weight(k);
    return { i, s };
  });
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  for (const { i, s } of scored) if (s > 0) order.push(i);

  const chosen = new Set<number>();
  for (const i of order) {
    const c = cost[i];
    if (c === undefined || chosen.has(i) || c > remaining) continue;
    chosen.add(i);
    remaining -= c;
  }
  const picked = [...chosen].sort((a, b) => a - b);
  let body = '';
  let prev = -1;
  for (const i of picked) {
    const p = passages[i];
    if (!p) continue;
    body +=
      (i === prev + 1 ? (prev >= 0 ? '\n\n' : '') : prev >= 0 ? GAP : '[…]\n\n') +
      neutralizeDelimiters(p.text);
    prev = i;
  }
  const complete = picked.length === passages.length;
  if (!complete && prev < passages.length - 1) body += GAP.trimEnd();
  const text = `${head}\n${body || '(no text)'}`;
  return { text, tokens: estimateTokens(text), complete };
}
