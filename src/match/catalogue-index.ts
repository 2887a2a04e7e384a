/**
 * Compiles a catalogue into one TermIndex over UNIQUE terms: a term written in many entries
 * ("Kazakhstan*", "НАТО") is indexed and found once, and knows which entries use it. Stance cues
 * are unique terms too. Built once per catalogue version.
 *
 * Each pattern has an ANCHOR: its concept whose terms are shared by the fewest entries. An entry is
 * evaluated for an article only when a term of one of its anchors occurs (a pattern cannot hold
 * without its anchor), so a common word such as "Kazakhstan" never makes thousands of entries
 * worth looking at, and the cost per article follows the article and its hits, not the catalogue.
 * Terms of an entry's `match.signals` trigger it too (signals.ts weighs them across the article).
 */
import { type CheckedString, textOf } from '../claims/strings.js';
import { CUE_KINDS, type CueKind } from '../lang/cue-kinds.js';
import { CATALOGUE_LANGS, type Catalogue, type CatalogueLang, type Entry } from '../model/catalogue.js';
import { foldCase } from '../text/normalize.js';
import { type CompiledExamples, compileExamples } from './example-index.js';
import { type MatchLanguage, matchLanguage } from './language-facts.js';
import { TermIndex } from './term-index.js';

export interface UniqueTerm {
  /** The stance cue kinds this term stands for (usually none). */
  cues: CueKind[];
  /** Entries to evaluate when this term occurs (it belongs to one of their pattern anchors). */
  triggers: number[];
  /** How many (entry, concept) pairs use the term. */
  owners: number;
}

export interface CompiledEntry {
  entry: Entry;
  concepts: string[];
  /** Per concept, the unique term ids of its terms. */
  conceptTerms: number[][];
  excludeTerms: number[];
  /** Patterns as concept indexes; a pattern naming an unknown concept is dropped. */
  patterns: number[][];
  window: number;
  /** Indexes of the entry's parent, grandparent, … (cycles cut). */
  ancestors: number[];
  /** Narrative-level signals (match.signals), or null. */
  signals: CompiledSignals | null;
}

export interface CompiledSignals {
  min: number;
  /** Concept indexes that must occur somewhere in the article. */
  require: number[];
  questionTitle: number;
  /** Per signal: its weight and unique term ids. */
  groups: { weight: number; terms: number[] }[];
}

export interface CompiledCatalogue {
  /** The payload of every indexed term is its unique term id. */
  index: TermIndex<number>;
  terms: UniqueTerm[];
  entries: CompiledEntry[];
  /** The entries' `examples.match` texts as retrieval sources (example-index.ts). */
  examples: CompiledExamples;
  /** The languages' facts the matcher reads (cues are compiled into `index`). */
  lang: MatchLanguage;
}

function ancestorsOf(entry: Entry, byId: ReadonlyMap<string, number>, all: readonly Entry[]): number[] {
  const out: number[] = [];
  let parent = entry.parent;
  while (parent !== undefined) {
    const idx = byId.get(parent);
    if (idx === undefined || out.includes(idx) || all[idx] === entry) break;
    out.push(idx);
    parent = all[idx]?.parent;
  }
  return out;
}

export function compileCatalogue(
  catalogue: Catalogue,
  lang: MatchLanguage = matchLanguage(),
): CompiledCatalogue {
  const { registry } = lang;
  const index = new TermIndex<number>();
  const terms: UniqueTerm[] = [];
  const ids = new Map<string, number>();
  const intern = (term: string, marked: boolean): number | null => {
    const key = `${marked ? 'k' : 'x'}|${foldCase(term).replace(/\s+/g, ' ').trim()}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = terms.length;
    if (!index.add(term, marked, id)) return null;
    terms.push({ cues: [], triggers: [], owners: 0 });
    ids.set(key, id);
    return id;
  };
  const termsOf = (byLang: { [L in CatalogueLang]?: CheckedString[] | undefined } | undefined): number[] => {
    const out = new Set<number>();
    for (const l of CATALOGUE_LANGS) {
      const marked = registry.isMarked(l);
      for (const t of byLang?.[l] ?? []) {
        const id = intern(textOf(t), marked);
        if (id !== null) out.add(id);
      }
    }
    return [...out];
  };

  const all = catalogue.entries;
  const byId = new Map(all.map((e, i) => [e.id, i]));
  const entries = all.map((entry): CompiledEntry => {
    const concepts = Object.keys(entry.match.concepts);
    const conceptTerms = concepts.map((name) => termsOf(entry.match.concepts[name]));
    for (const list of conceptTerms) for (const id of list) (terms[id] as UniqueTerm).owners++;
    const patterns = entry.match.patterns
      .map((p) => p.map((name) => concepts.indexOf(name)))
      .filter((p) => p.length >= 2 && p.every((c) => c >= 0));
    const sig = entry.match.signals;
    const signals: CompiledSignals | null = sig
      ? {
          min: sig.min,
          require: sig.require.map((name) => concepts.indexOf(name)).filter((c) => c >= 0),
          questionTitle: sig.question_title,
          groups: sig.terms.map((t) => ({ weight: t.weight, terms: termsOf(t) })),
        }
      : null;
    return {
      entry,
      concepts,
      conceptTerms,
      excludeTerms: termsOf(entry.match.exclude),
      patterns,
      window: entry.match.window,
      ancestors: ancestorsOf(entry, byId, all),
      signals,
    };
  });

  entries.forEach((ce, e) => {
    const commonness = ce.conceptTerms.map((ids) =>
      ids.reduce((m, id) => Math.max(m, terms[id]?.owners ?? 0), 0),
    );
    for (const pattern of ce.patterns) {
      const anchor = pattern.reduce((best, c) => ((commonness[c] ?? 0) < (commonness[best] ?? 0) ? c : best));
      for (const id of ce.conceptTerms[anchor] ?? []) {
        const t = terms[id];
        if (t && t.triggers[t.triggers.length - 1] !== e) t.triggers.push(e);
      }
    }
  });

  // A signal term makes its entry worth evaluating: signals may match where no pattern does.
  entries.forEach((ce, e) => {
    for (const g of ce.signals?.groups ?? []) {
      for (const id of g.terms) {
        const t = terms[id];
        if (t && t.triggers[t.triggers.length - 1] !== e) t.triggers.push(e);
      }
    }
  });

  // Stance cues: every kind in every language of the registry (lang/<id>/cues.yaml).
  for (const cue of CUE_KINDS) {
    for (const l of registry.languages) {
      const marked = registry.isMarked(l.id);
      for (const term of l.cues[cue]) {
        const id = intern(term, marked);
        const t = id === null ? undefined : terms[id];
        if (t && !t.cues.includes(cue)) t.cues.push(cue);
      }
    }
  }
  const examples = compileExamples(catalogue, intern, (l) => registry.isMarked(l));
  return { index, terms, entries, examples, lang };
}
