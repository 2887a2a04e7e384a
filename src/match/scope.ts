/**
 * Where a cue sits relative to the claim's own words, for two stance signals that need positions,
 * not just counts per sentence:
 *
 * - negated: a negation ("not", "never", "no", "не", "нет", "никаких", "жоқ", "емес", or a Kazakh
 *   verb with the negative suffix -ма/-ме/-ба/-бе/-па/-пе: "жіберілмейді", "ашылмаған") inside the
 *   span of the claim's words in a sentence, or at most SLACK words before or after it: "There are
 *   no American biolabs in Kazakhstan", "Пентагон не перевозил биолаборатории", "биозертханалары
 *   жоқ". A negation that is part of a matched term ("никогда не было государственности",
 *   "не благодарен") is the claim itself, and idioms that do not deny anything ("did not hesitate",
 *   "not only", "не секрет", "не скрывают") do not count.
 * - attributed: the claim is reported speech of a named third party. Either a source ("Russian
 *   media", "Захарова", "Putin", "ресейлік БАҚ") and a speech verb ("said", "пишут", "деді") in
 *   the sentence, or a "that"-clause verb ("wrote that", "заявила, что", "по словам", "деп
 *   мәлімдеді") with a subject, placed before the claim's words (Kazakh "деп …" anywhere): "Several
 *   Russian outlets wrote that NATO would open…". "I say that…" / "Я говорю, что…" is no attribution.
 *   Also a quotation closed by a dash and a speech verb ("«…», — сказал Кабулов"), and a sentence
 *   followed by one that opens "Об этом заявил…" / "This was stated by…".
 *
 * A match is negated (attributed) when at least half of its windows are.
 *
 * Cost: what does not depend on the claim (negations outside idioms, Kazakh negative verbs, which
 * sentences name a source) is computed once per sentence and document (ScopeContext); the claim's
 * words are grouped by sentence once per entry. Containment tests ("is this negation inside an
 * idiom / a claim word?") use spans sorted by start with a running maximum of their ends, so the
 * work grows with the article, never with windows × hits.
 */
import { foldCase } from '../text/normalize.js';
import type { CueKind } from './cue-kinds.js';
import type { Doc } from './document.js';
import type { MatchLanguage } from './language-facts.js';
import type { ConceptHit, WindowMatch } from './windows.js';

export interface CueMark {
  cues: readonly CueKind[];
  from: number;
  to: number;
}

interface Span {
  from: number;
  to: number;
}

/** Words allowed between a negation and the nearest claim word outside the claim's span. */
const SLACK = 2;
/** "I/we (have long) say that…" is the author speaking: look this many words back for the subject. */
const SUBJECT_REACH = 3;

/** A verb with its marked language's negative suffix (Kazakh "жіберілмейді"): language-facts.ts. */
function negativeVerb(lang: MatchLanguage, doc: Doc, i: number): boolean {
  const re = lang.negativeVerb;
  return re !== null && doc.marked[i] === 1 && re.test(foldCase(doc.words[i] ?? ''));
}

/** Spans sorted by start, with the largest end among the first i + 1: answers "inside any?" in log n. */
class Spans {
  private readonly froms: number[];
  private readonly maxTo: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.from - b.from);
    this.froms = sorted.map((s) => s.from);
    this.maxTo = [];
    let max = Number.NEGATIVE_INFINITY;
    for (const s of sorted) {
      max = Math.max(max, s.to);
      this.maxTo.push(max);
    }
  }

  /** True when `n` lies within one of the spans (the same word counts as within). */
  contain(n: Span): boolean {
    const last = lastAtMost(this.froms, n.from);
    return last >= 0 && (this.maxTo[last] ?? Number.NEGATIVE_INFINITY) >= n.to;
  }
}

/** Index of the last value <= x in an ascending array, or -1. */
function lastAtMost(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** What one sentence says regardless of the claim. */
interface SentenceFacts {
  /** Negation marks not inside an idiom, sorted by start. */
  negations: CueMark[];
  /** Their starts. */
  negationFroms: number[];
  /** All negation marks (a negation inside a claim word is the claim itself, idiom or not). */
  anyNegation: CueMark[];
  /** Positions of negative verbs (Kazakh -ма/-ме…) not inside an idiom, ascending. */
  negativeVerbs: number[];
  /** A source and a speech verb: attribution whatever the word order. */
  sourceSays: boolean;
  saysThat: CueMark[];
  /** The sentence opens with "Об этом заявил…": it attributes the sentence before it. */
  saysAbove: boolean;
  /** «…», — сказал Кабулов / "…," said the envoy: a speech verb right after a closing quote and a dash. */
  quoteSays: boolean;
}

/** Per-sentence facts of one document, computed on first use and shared by every entry. */
export class ScopeContext {
  private readonly facts = new Map<number, SentenceFacts>();

  constructor(
    readonly doc: Doc,
    private readonly marks: readonly (readonly CueMark[] | undefined)[],
    readonly lang: MatchLanguage,
  ) {}

  factsOf(s: number): SentenceFacts {
    const known = this.facts.get(s);
    if (known) return known;
    const marks = this.marks[s] ?? [];
    const has = (k: CueKind) => marks.some((m) => m.cues.includes(k));
    const idioms = new Spans(marks.filter((m) => m.cues.includes('idiom')));
    const anyNegation = marks.filter((m) => m.cues.includes('negation')).sort((a, b) => a.from - b.from);
    const negativeVerbs: number[] = [];
    const { doc } = this;
    for (let i = lastAtMost(doc.sentence, s - 1) + 1; i < doc.words.length && doc.sentence[i] === s; i++) {
      if (negativeVerb(this.lang, doc, i) && !idioms.contain({ from: i, to: i })) negativeVerbs.push(i);
    }
    const negations = anyNegation.filter((m) => !idioms.contain(m));
    const hedges = marks.filter((m) => m.cues.includes('hedge'));
    const facts: SentenceFacts = {
      negations,
      negationFroms: negations.map((n) => n.from),
      anyNegation,
      negativeVerbs,
      sourceSays: has('source') && (has('says') || has('saysThat')),
      // "Эксперты считают, что…" is a hedge, not a named speaker: a clause verb inside a hedge that
      // starts before it (with its subject) is dropped; "claimed that" stays.
      saysThat: marks.filter(
        (m) => m.cues.includes('saysThat') && !hedges.some((h) => h.from < m.from && overlap(h, m)),
      ),
      quoteSays: marks.some((m) => m.cues.includes('says') && afterQuoteDash(doc, m.from)),
      saysAbove: marks.some(
        (m) => m.cues.includes('saysAbove') && (m.from === 0 || doc.sentence[m.from - 1] !== s),
      ),
    };
    this.facts.set(s, facts);
    return facts;
  }
}

/** True when the text just before word `i` is a closing quote (then a comma or a dash may follow). */
const QUOTE_DASH = /(,\s*[»"”]|[»"”]\s*,?\s*[—–-])\s*$/;
function afterQuoteDash(doc: Doc, i: number): boolean {
  if (i === 0 || i === doc.titleWords || doc.sentence[i - 1] !== doc.sentence[i]) return false;
  const source = i < doc.titleWords ? doc.title : doc.text;
  const between = source.slice(doc.ends[i - 1] ?? 0, doc.starts[i] ?? 0);
  return QUOTE_DASH.test(between);
}

function overlap(a: Span, b: Span): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function within(n: Span, h: Span): boolean {
  return n.from >= h.from && n.to <= h.to;
}

function sentencesOf(w: WindowMatch): Map<number, ConceptHit[]> {
  const out = new Map<number, ConceptHit[]>();
  for (const h of w.used) {
    const list = out.get(h.sentence);
    if (list) list.push(h);
    else out.set(h.sentence, [h]);
  }
  return out;
}

/** The claim is itself negative in this sentence ("никогда не было государственности"). */
function claimNegative(ctx: ScopeContext, s: number, claimWords: readonly ConceptHit[]): boolean {
  const claim = new Spans(claimWords);
  if (ctx.factsOf(s).anyNegation.some((n) => claim.contain(n))) return true;
  for (const h of claimWords) {
    if (h.to <= h.from) continue;
    for (let i = h.from; i <= h.to; i++) if (negativeVerb(ctx.lang, ctx.doc, i)) return true;
  }
  return false;
}

function negatedSentence(ctx: ScopeContext, s: number, hits: readonly ConceptHit[]): boolean {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const h of hits) {
    first = Math.min(first, h.from);
    last = Math.max(last, h.to);
  }
  const lo = first - SLACK;
  const hi = last + SLACK;
  const facts = ctx.factsOf(s);
  for (let i = lastAtMost(facts.negationFroms, lo - 1) + 1; i < facts.negations.length; i++) {
    const m = facts.negations[i];
    if (!m || m.from > hi) break;
    if (m.to <= hi) return true;
  }
  const k = facts.negativeVerbs[lastAtMost(facts.negativeVerbs, Math.max(0, lo) - 1) + 1];
  return k !== undefined && k <= hi;
}

function attributedSentence(ctx: ScopeContext, s: number, hits: readonly ConceptHit[]): boolean {
  const facts = ctx.factsOf(s);
  if (facts.sourceSays || facts.quoteSays) return true;
  if (s + 1 < ctx.doc.sentences.length && ctx.factsOf(s + 1).saysAbove) return true;
  const { doc, lang } = ctx;
  let first = Number.POSITIVE_INFINITY;
  for (const h of hits) first = Math.min(first, h.from);
  return facts.saysThat.some((m) => {
    if (hits.some((h) => within(m, h))) return false;
    const word = foldCase(doc.words[m.from] ?? '');
    if (lang.attributesAnywhere.has(word)) return true;
    if (m.to >= first) return false;
    if (lang.attributesWithoutSubject.has(word)) return true;
    const opening = m.from === 0 || doc.sentence[m.from - 1] !== doc.sentence[m.from];
    if (opening) return false;
    for (let i = Math.max(0, m.from - SUBJECT_REACH); i < m.from; i++) {
      if (doc.sentence[i] === doc.sentence[m.from] && lang.firstPerson.has(foldCase(doc.words[i] ?? '')))
        return false;
    }
    return true;
  });
}

export interface ClaimScope {
  negated: boolean;
  attributed: boolean;
}

export function claimScope(
  ctx: ScopeContext,
  windows: readonly WindowMatch[],
  /** Every occurrence of the entry's concepts (a negation inside one is part of the claim). */
  claimWords: readonly ConceptHit[],
): ClaimScope {
  // The claim's words of the windows' sentences only: the others are never looked at.
  const wordsBySentence = new Map<number, ConceptHit[]>();
  for (const w of windows) for (const h of w.used) wordsBySentence.set(h.sentence, []);
  for (const h of claimWords) wordsBySentence.get(h.sentence)?.push(h);
  const negative = new Map<number, boolean>();
  const isNegative = (s: number): boolean => {
    let known = negative.get(s);
    if (known === undefined) {
      known = claimNegative(ctx, s, wordsBySentence.get(s) ?? []);
      negative.set(s, known);
    }
    return known;
  };
  let negated = 0;
  let attributed = 0;
  for (const w of windows) {
    let neg = false;
    let att = false;
    for (const [s, hits] of sentencesOf(w)) {
      neg ||= !isNegative(s) && negatedSentence(ctx, s, hits);
      att ||= attributedSentence(ctx, s, hits);
    }
    if (neg) negated++;
    if (att) attributed++;
  }
  const half = windows.length / 2;
  return {
    negated: windows.length > 0 && negated >= half,
    attributed: windows.length > 0 && attributed >= half,
  };
}
