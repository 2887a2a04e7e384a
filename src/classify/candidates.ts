/**
 * Candidate entries shown to the model: those the lexical matcher found (and their parent
 * narratives), then those narrative-level retrieval ranks highest; capped, and rendered to fit a
 * token budget (examples go first, then the lowest-ranked candidates).
 */
import { pick } from '../claims/localize.js';
import type { Catalogue, Entry } from '../model/catalogue.js';
import type { Language, Match } from '../model/types.js';
import type { RetrievalHit } from './retrieval.js';
import { estimateTokens, neutralizeDelimiters, truncateToTokens } from './tokens.js';

export interface CandidateLimits {
  /** At most this many candidates in all. */
  maxCandidates: number;
  /** At most this many added by retrieval alone. */
  maxRetrieved: number;
  /** A retrieval hit must score at least this share of the best hit. */
  minRelativeScore: number;
}

export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = {
  maxCandidates: 8,
  maxRetrieved: 5,
  minRelativeScore: 0.25,
};

export interface Candidate {
  entry: Entry;
  source: 'lexical' | 'parent' | 'retrieval';
}

export function selectCandidates(
  catalogue: Catalogue,
  lexical: ReadonlyArray<Match>,
  hits: ReadonlyArray<RetrievalHit>,
  limits: CandidateLimits = DEFAULT_CANDIDATE_LIMITS,
): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (id: string | undefined, source: Candidate['source']): void => {
    if (!id || seen.has(id) || out.length >= limits.maxCandidates) return;
    const entry = catalogue.byId.get(id);
    if (!entry) return;
    seen.add(id);
    out.push({ entry, source });
  };
  for (const m of lexical) add(m.id, 'lexical');
  for (const m of lexical) add(catalogue.byId.get(m.id)?.parent, 'parent');
  const best = hits[0]?.score ?? 0;
  let retrieved = 0;
  for (const h of hits) {
    if (retrieved >= limits.maxRetrieved || h.score <= 0 || h.score < best * limits.minRelativeScore) break;
    const before = out.length;
    add(h.id, 'retrieval');
    if (out.length > before) retrieved++;
  }
  return out;
}

function pickExamples(entry: Entry, language: Language | null, count: number): string[] {
  const all = entry.examples.match;
  const preferred = [...all.filter((e) => e.lang === language), ...all.filter((e) => e.lang !== language)];
  return preferred.slice(0, count).map((e) => e.text);
}

export function renderCandidate(entry: Entry, language: Language | null, examples: number): string {
  const english = pick(entry.title, 'en');
  const lines = [`<entry id="${entry.id}" kind="${entry.kind}">`, `Title: ${english}`];
  // Only a checked translation: pick falls back to English for an unverified one.
  const local = language === 'ru' || language === 'kk' ? pick(entry.title, language) : english;
  if (local !== english) lines.push(`Title (${language}): ${local}`);
  lines.push(`What is claimed: ${pick(entry.summary, 'en')}`);
  const ex = pickExamples(entry, language, examples);
  if (ex.length > 0) {
    lines.push('Examples of texts that promote it:');
    for (const t of ex) lines.push(`- ${truncateToTokens(t.replace(/\s+/g, ' '), 80)}`);
  }
  lines.push('</entry>');
  return neutralizeDelimitersInside(lines);
}

/** The catalogue is trusted, but its text still must not close a delimiter: only the tag lines are raw. */
function neutralizeDelimitersInside(lines: string[]): string {
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  return [first, ...lines.slice(1, -1).map(neutralizeDelimiters), last].join('\n');
}

/**
 * Renders as many candidates as fit `budget` tokens, best first: with two examples each when they
 * fit, else one, else none; then dropping the lowest-ranked candidates.
 */
export function renderCandidates(
  candidates: ReadonlyArray<Candidate>,
  language: Language | null,
  budget: number,
): { text: string; shown: Candidate[]; tokens: number } {
  for (let n = candidates.length; n > 0; n--) {
    const shown = candidates.slice(0, n);
    for (const examples of [2, 1, 0]) {
      const text = shown.map((c) => renderCandidate(c.entry, language, examples)).join('\n');
      const tokens = estimateTokens(text);
      if (tokens <= budget) return { text, shown, tokens };
    }
  }
  return { text: '(none)', shown: [], tokens: estimateTokens('(none)') };
}
