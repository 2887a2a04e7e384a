/**
 * The lexical matcher: catalogue `match` definitions against an article.
 *
 * TERM SEMANTICS (claims/README.md explains them for admins):
 * - A term is a word or a phrase in en, ru or kk. Matching ignores case, ё/е, typographic quotes and
 *   dashes; a hyphen separates words ("territorial-defence" = "territorial defence").
 * - Words are stemmed (Snowball Russian/English; a light Kazakh stemmer for kk terms, for words with
 *   Kazakh letters and for Kazakh articles), so a base form matches its inflections:
 *   "биолаборатория" matches "биолабораторий", "brigade" matches "brigades", "шекара" matches
 *   "шекарасында".
 * - A trailing * makes a word a prefix of the folded, unstemmed word: "русофоб*" matches
 *   "русофобия", "русофобский". A prefix needs at least 3 letters (shorter ones are whole words).
 * - A multi-word term matches consecutive words of one sentence, each compared as above.
 * - Latin and Cyrillic spellings of a word meet through transliteration (Tokayev = Токаева,
 *   Astana = Астане, Rosenblum = Розенблюм, Latin-script Kazakh "Qazaqstannyñ" = "Қазақстан").
 *   A prefix also meets the other script when its transliterated key has at least 4 letters (3
 *   inside a phrase): "зертхана*" matches "zerthanalar", "Пентагон*" matches "Pentagon's".
 * - A Kazakh term written inflected keeps its ending: "Қазақстаннан" (from Kazakhstan) matches
 *   "Қазақстаннан", not "Қазақстан"; a base form matches its inflections ("шекара" → "шекарасында").
 * - A concept occurs where any of its terms occurs. A pattern (a list of at least two concepts)
 *   holds when all its concepts occur, as different words, within `window` consecutive sentences
 *   (the title counts as the sentence before the first one), and no `exclude` term occurs in that
 *   window. An entry matches when any of its patterns holds somewhere.
 *
 * SIGNALS, EXAMPLES, SOURCES (issue 12): an entry's `match.signals` may match across the whole
 * article (signals.ts); its `examples.match` texts are retrieval sources too (example-index.ts,
 * example-candidates.ts); an article on a listed outlet decides a reported-only match
 * (source-signal.ts). Every match carries a one-line `why` (stance.ts).
 *
 * PARENTS: when a claim matches, its parent narrative (and the parent's parent) is not returned as
 * a separate match, whatever its own stance: the claim is the more precise finding and the reply
 * names the parent from the catalogue. A parent that also matched raises the claim's confidence.
 *
 * The catalogue is compiled into an index (term-index.ts), so the cost per article grows with the
 * article and with the number of hits, not with the number of entries. It grows linearly: a page
 * built to freeze the bot (one claim repeated for megabytes, a word of a megabyte, quotes that never
 * close) costs what its size costs. Per-sentence facts are computed once (scope.ts, evidence.ts),
 * each pattern keeps at most MAX_WINDOWS windows (windows.ts), and words over MAX_WORD_LENGTH
 * characters match nothing (term-index.ts).
 */
import { whyLine } from '../lang/phrases/why.js';
import type { LanguageRegistry } from '../lang/registry.js';
import type { Catalogue } from '../model/catalogue.js';
import type { LexicalMatcher, MatchInput } from '../model/ports.js';
import type { Match, WhyReason } from '../model/types.js';
import { createSourceLookup } from '../sources/lookup.js';
import type { Source } from '../sources/schema.js';
import { type CompiledCatalogue, type CompiledEntry, compileCatalogue } from './catalogue-index.js';
import { round2, supportScore } from './confidence.js';
import { emptyCues, type SentenceCues } from './cue-kinds.js';
import { type Doc, prepareDocument, sentenceText } from './document.js';
import { evidenceOf, ScareQuotes } from './evidence.js';
import { matchLanguage } from './language-facts.js';
import { type CueMark, claimScope, ScopeContext } from './scope.js';
import { exampleCandidates } from './example-candidates.js';
import { matchSignals, type SignalMatch, signalSupport } from './signals.js';
import { sourceOf, withSource } from './source-signal.js';
import { anyCounter, decideStance } from './stance.js';
import type { Occurrence } from './term-index.js';
import { type ConceptHit, findWindows } from './windows.js';

export interface LexicalMatcherOptions {
  /** Evidence sentences quoted per match (default 3). */
  maxEvidence?: number;
  /** Compare every term with every word instead of using the index (tests and benchmarks only). */
  naive?: boolean;
  /** The listed outlets and channels (sources/*.yaml): an article's URL on one is a source signal. */
  sources?: ReadonlyArray<Source>;
  /**
   * The languages whose cues, abbreviations and scope words the matcher reads; the shipped lang/
   * folder unless given. Stemming and transliteration always follow the shipped folder (text/).
   */
  languages?: LanguageRegistry;
}

interface Found {
  entry: number;
  match: Match;
}

/** Signal sentences read for the stance of a signal match (the strongest first). */
const SIGNAL_EVIDENCE = 6;

const PARENT_BONUS = 0.05;

/** "Минобороны РК: …" — an official followed by a colon (at most two words later) is reported speech. */
function colonAfter(doc: Doc, o: Occurrence<number>): boolean {
  const end = doc.ends[o.to];
  if (end === undefined) return false;
  const source = o.to < doc.titleWords ? doc.title : doc.text;
  const rest = source.slice(end, end + 40);
  const colon = rest.indexOf(':');
  if (colon === -1) return false;
  const between = rest.slice(0, colon);
  return !/[.!?\n]/.test(between) && between.split(/\s+/).filter(Boolean).length <= 2;
}

/** Shared by every sentence without a cue (never written: a sentence gets its own on its first cue). */
const NO_CUES: SentenceCues = Object.freeze(emptyCues());

function cuesAt(cues: SentenceCues[], s: number): SentenceCues {
  const c = cues[s];
  if (c !== undefined && c !== NO_CUES) return c;
  const own = emptyCues();
  cues[s] = own;
  return own;
}

/** Occurrences grouped by unique term, cue counts per sentence, and the entries worth evaluating. */
function group(
  compiled: CompiledCatalogue,
  doc: Doc,
  occurrences: readonly Occurrence<number>[],
  all: boolean,
) {
  const count = doc.sentences.length;
  const cues: SentenceCues[] = new Array<SentenceCues>(count).fill(NO_CUES);
  // Sparse: only sentences with a cue get a list (claimScope reads a missing one as none).
  const marks: (CueMark[] | undefined)[] = new Array<CueMark[] | undefined>(count);
  const byTerm = new Map<number, Occurrence<number>[]>();
  const candidates = new Set<number>();
  for (const o of occurrences) {
    const id = o.term.payload;
    const list = byTerm.get(id);
    if (list) list.push(o);
    else byTerm.set(id, [o]);
    const t = compiled.terms[id];
    if (!t) continue;
    for (const e of t.triggers) candidates.add(e);
    if (t.cues.length === 0 || o.sentence < 0 || o.sentence >= count) continue;
    const c = cuesAt(cues, o.sentence);
    const mark = { cues: t.cues, from: o.from, to: o.to };
    const m = marks[o.sentence];
    if (m) m.push(mark);
    else marks[o.sentence] = [mark];
    for (const cue of t.cues) {
      c[cue]++;
      if (cue === 'official' && colonAfter(doc, o)) c.speech++;
    }
  }
  // A fact-check lede ("No, NATO did not open…", "Нет, …", "Жоқ, …") refutes. Only sentences that
  // open with a lede word's first letter (or a quote) can be one: test those alone.
  const { noLede, ledeStart } = compiled.lang;
  for (let i = 0; noLede !== null && i < count; i++) {
    const s = doc.sentences[i];
    if (!s) continue;
    const source = s.source === 'title' ? doc.title : doc.text;
    if (ledeStart.has(source[s.start]?.toLowerCase() ?? '') && noLede.test(sentenceText(doc, i)))
      cuesAt(cues, i).refute++;
  }
  if (all) for (let e = 0; e < compiled.entries.length; e++) candidates.add(e);
  return { cues, marks, byTerm, candidates };
}

function hitsOf(ce: CompiledEntry, byTerm: ReadonlyMap<number, Occurrence<number>[]>) {
  const hits = new Map<number, ConceptHit[]>();
  ce.conceptTerms.forEach((ids, concept) => {
    const list: ConceptHit[] = [];
    for (const id of ids) {
      for (const o of byTerm.get(id) ?? [])
        list.push({ concept, from: o.from, to: o.to, sentence: o.sentence });
    }
    if (list.length === 0) return;
    if (ids.length > 1) list.sort((a, b) => a.from - b.from || a.to - b.to);
    hits.set(concept, list);
  });
  const excluded = new Set<number>();
  for (const id of ce.excludeTerms) for (const o of byTerm.get(id) ?? []) excluded.add(o.sentence);
  return { hits, excluded };
}

export function matchDocument(
  compiled: CompiledCatalogue,
  doc: Doc,
  opts: LexicalMatcherOptions = {},
): Match[] {
  const occurrences = opts.naive ? compiled.index.scanNaive(doc) : compiled.index.scan(doc);
  const { cues, marks, byTerm, candidates } = group(compiled, doc, occurrences, opts.naive === true);
  const counterAnywhere = anyCounter(cues);
  const scope = new ScopeContext(doc, marks, compiled.lang);
  const quoted = new ScareQuotes(doc);
  const questionHeadline = sentenceText(doc, 0).trim().endsWith('?');
  const found: Found[] = [];
  for (const e of [...candidates].sort((a, b) => a - b)) {
    const ce = compiled.entries[e];
    if (!ce) continue;
    const { hits, excluded } = hitsOf(ce, byTerm);
    const enough = hits.size >= 2 || [...hits.values()].some((h) => h.length > 1);
    const windows = enough ? ce.patterns.flatMap((p, i) => findWindows(i, p, hits, ce.window, excluded)) : [];
    const signal = matchSignals(ce, doc, byTerm, hits);
    if (windows.length === 0 && !signal) continue;
    const claimWords = [...hits.values()].flat();
    const base = { cues, counterAnywhere, titleSentence: doc.titleSentence, questionHeadline };
    const signalStance = (m: SignalMatch | null) => {
      if (!m) return null;
      const evidence = m.sentences.slice(0, SIGNAL_EVIDENCE).sort((a, b) => a - b);
      const subject = [...m.sentences, ...claimWords.map((h) => h.sentence)];
      const decided = decideStance({ ...base, evidence, subject, scareQuoted: false });
      const reason: WhyReason = { code: decided.code, vocabulary: m.terms };
      return { ...decided, reason, why: whyLine(reason), evidence };
    };
    let match: Match;
    if (windows.length > 0) {
      const { all, quotes } = evidenceOf(doc, windows, opts.maxEvidence ?? 3);
      const decided = decideStance({
        ...base,
        evidence: all,
        subject: claimWords.map((h) => h.sentence),
        scareQuoted: quoted.anyWindow(windows),
        ...claimScope(scope, windows, claimWords),
      });
      let { stance, clarity, why } = decided;
      let reason: WhyReason = { code: decided.code };
      // Reported or quoted, but the article's own words carry the narrative: it promotes it.
      // Only the sentences outside the reported claim's windows count: the author's own voice.
      const reported = stance === 'reports' && (decided.code === 'attributed' || decided.code === 'quoted');
      const inWindows = new Set(windows.flatMap((w) => w.used.map((h) => h.sentence)));
      const own = reported ? signalStance(matchSignals(ce, doc, byTerm, hits, inWindows)) : null;
      if (own && own.stance === 'promotes') ({ stance, clarity, why, reason } = own);
      const support = supportScore(windows, ce.patterns, ce.concepts.length);
      match = {
        id: ce.entry.id,
        kind: ce.entry.kind,
        stance,
        confidence: support * clarity,
        method: 'lexical',
        evidence: quotes,
        why,
        reason,
      };
    } else {
      const decided = signalStance(signal);
      if (!signal || !decided) continue;
      const max = opts.maxEvidence ?? 3;
      const evidence = [...signal.sentences.slice(0, max)].sort((a, b) => a - b);
      match = {
        id: ce.entry.id,
        kind: ce.entry.kind,
        stance: decided.stance,
        confidence: signalSupport(signal, ce.signals?.min ?? 0) * decided.clarity,
        method: 'lexical',
        evidence: evidence.map((i) => ({ quote: sentenceText(doc, i) })).filter((q) => q.quote.length > 0),
        why: decided.why,
        reason: decided.reason,
      };
    }
    found.push({ entry: e, match });
  }
  // Candidates from the catalogue's own examples, for entries nothing else matched.
  const ctx = { compiled, doc, byTerm, cues, counterAnywhere, questionHeadline, scope, quoted };
  found.push(
    ...exampleCandidates({ ...ctx, maxEvidence: opts.maxEvidence ?? 3 }, new Set(found.map((f) => f.entry))),
  );
  const matched = new Set(found.map((f) => f.entry));
  const hidden = new Set<number>();
  for (const f of found) {
    const ancestors = compiled.entries[f.entry]?.ancestors ?? [];
    if (ancestors.some((a) => matched.has(a))) f.match.confidence += PARENT_BONUS;
    for (const a of ancestors) hidden.add(a);
  }
  const rank = (m: Match): number => (m.stance === 'promotes' || m.stance === 'unclear' ? 1 : 0);
  return found
    .filter((f) => !hidden.has(f.entry))
    .map((f) => ({ ...f.match, confidence: round2(Math.min(0.97, f.match.confidence)) }))
    .sort((a, b) => rank(b) - rank(a) || b.confidence - a.confidence || a.id.localeCompare(b.id));
}

/** Builds the matcher over a catalogue: the index is compiled once, here. */
export function createLexicalMatcher(catalogue: Catalogue, opts: LexicalMatcherOptions = {}): LexicalMatcher {
  const compiled = compileCatalogue(catalogue, matchLanguage(opts.languages));
  const lookup = opts.sources ? createSourceLookup(opts.sources) : null;
  return {
    match: (article: MatchInput) => {
      const matches = matchDocument(compiled, prepareDocument(article, compiled.lang), opts);
      const source = sourceOf(lookup, article.url);
      if (!source) return matches;
      const rank = (m: Match): number => (m.stance === 'promotes' || m.stance === 'unclear' ? 1 : 0);
      return matches.map((m) => withSource(m, source)).sort((a, b) => rank(b) - rank(a));
    },
  };
}
