/**
 * Conservative token estimates (no tokenizer is installed, and none is added): real tokenizers give
 * fewer tokens than this for English (≈4 characters per token), Russian and Kazakh (≈3–4 with the
 * o200k vocabulary of current OpenAI models, ≈2.5 with older or local vocabularies), so a request
 * estimated under the budget is under it in fact.
 */

/** Characters per token assumed: ASCII 3, Cyrillic 2.5, anything else (CJK, emoji, rare scripts) 1. */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let cyrillic = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) ascii++;
    else if (c >= 0x0400 && c <= 0x052f) cyrillic++;
    else other++;
  }
  return Math.ceil(ascii / 3 + cyrillic / 2.5 + other);
}

/** Chat formatting overhead: a few tokens per message plus the reply's priming. */
export const MESSAGE_OVERHEAD_TOKENS = 8;

/** The longest prefix of `text` (cut at a word boundary when one is near) estimated within `tokens`. */
export function truncateToTokens(text: string, tokens: number): string {
  if (estimateTokens(text) <= tokens) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimateTokens(`${text.slice(0, mid)}…`) <= tokens) lo = mid;
    else hi = mid - 1;
  }
  let cut = text.slice(0, lo);
  const space = cut.lastIndexOf(' ');
  if (space > lo * 0.7) cut = cut.slice(0, space);
  return cut.length > 0 ? `${cut}…` : '';
}

/**
 * Makes text safe to place between data delimiters: angle brackets (and their full-width and small
 * look-alikes) become single guillemets, so the text can never open or close <article>, <candidates>
 * or any other tag the instructions refer to. Quote verification treats both spellings as equal.
 */
export function neutralizeDelimiters(text: string): string {
  return text.replace(/[<＜﹤]/g, '‹').replace(/[>＞﹥]/g, '›');
}
