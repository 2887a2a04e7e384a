/**
 * An entry's own vocabulary, to tie a finding to its entry: does a text name something that belongs
 * to this entry rather than to the catalogue's shared background? Read through the matcher's own
 * compiled index (stemmed, cross-script, Kazakh-aware), so "биолабораторий", "biolabs" or "Орскіге"
 * count exactly as they do for the lexical matcher.
 *
 * The vocabulary is the entry's `match` concepts. A concept is DISTINCTIVE when few entries speak of
 * it: its document frequency (the entries whose titles, summaries, contexts, examples or concept
 * terms contain one of its terms) is at most rareLimit(entries), 2 of the 19 entries of 2026-12. An
 * entry with no concept that rare keeps its rarest concepts (kazakh-troops-to-ukraine: kazakh_forces,
 * own_forces, military_equipment, 3 entries each), unless they are in half of the entries.
 * A text CARRIES the entry's vocabulary when it names at least one distinctive concept.
 *
 * Why not less (measured on the catalogue of 2026-12):
 * - Two common concepts are not enough: "NATO officials invited Kazakhstan to join the alliance"
 *   names invite (5 entries) and official (16) of immortal-regiment-deepfakes, and is not about it;
 *   "drones attacked" names attack (4) of orsk-deepfakes. The rare ones are the subjects: Immortal
 *   Regiment, boycott, Orsk, Ukrspecexport, biolabs, peacekeeping.
 * - The examples' words are not vocabulary on their own (the examples are among the texts where a
 *   concept's frequency is counted): the words only one entry's examples use are mostly ordinary
 *   ones ("everyone", "address", "residents", "жителей" in immortal-regiment-deepfakes), which any
 *   article may hold.
 */
import { textOf } from '../claims/strings.js';
import { CATALOGUE_LANGS, type Catalogue, type Entry } from '../model/catalogue.js';
import type { Language } from '../model/types.js';
import { type CompiledCatalogue, compileCatalogue } from './catalogue-index.js';
import { prepareDocument } from './document.js';

/** A concept spoken of by at most this share of the entries (or by 2, in a small catalogue) is distinctive. */
export const RARE_SHARE = 0.1;

export function rareLimit(entries: number): number {
  return Math.max(2, Math.ceil(entries * RARE_SHARE));
}

export interface VocabularyResult {
  /** The entry's concepts the text names. */
  concepts: string[];
  /** Those of them that are distinctive. */
  distinctive: string[];
  /** Whether the text names a distinctive concept of the entry. */
  carries: boolean;
}

export type VocabularyCheck = (entryId: string, text: string, language?: Language | null) => VocabularyResult;

interface Vocabulary {
  compiled: CompiledCatalogue;
  /** Per entry: for each unique term id, the entry's concepts (indexes) that use it. */
  conceptsOf: Array<Map<number, number[]>>;
  /** Per entry and concept: whether it is distinctive. */
  distinctive: boolean[][];
  entryIndex: Map<string, number>;
}

/** Every text of an entry, with its language: where its concepts' document frequency is counted. */
function textsOf(entry: Entry): Array<{ text: string; language: Language }> {
  const out: Array<{ text: string; language: Language }> = [];
  for (const l of [entry.title, entry.summary, entry.context]) {
    for (const language of CATALOGUE_LANGS) {
      const t = l[language];
      if (t) out.push({ text: textOf(t), language });
    }
  }
  const { match, no_match, debunk } = entry.examples;
  for (const ex of [...match, ...no_match, ...debunk]) out.push({ text: textOf(ex.text), language: ex.lang });
  return out;
}

function build(catalogue: Catalogue): Vocabulary {
  const compiled = compileCatalogue(catalogue);
  const n = catalogue.entries.length;
  // The entries whose texts hold each unique term.
  const spokenBy = compiled.terms.map(() => new Set<number>());
  catalogue.entries.forEach((entry, e) => {
    for (const t of textsOf(entry)) {
      for (const o of compiled.index.scan(prepareDocument({ ...t, title: null }))) {
        spokenBy[o.term.payload]?.add(e);
      }
    }
  });
  const conceptsOf: Vocabulary['conceptsOf'] = [];
  const distinctive: boolean[][] = [];
  compiled.entries.forEach((ce, e) => {
    const map = new Map<number, number[]>();
    const df = ce.conceptTerms.map((ids, c) => {
      const entries = new Set<number>([e]);
      for (const id of ids) {
        map.set(id, [...(map.get(id) ?? []), c]);
        for (const x of spokenBy[id] ?? []) entries.add(x);
      }
      return entries.size;
    });
    const rarest = Math.min(...df);
    const limit = Math.max(rareLimit(n), rarest <= n / 2 ? rarest : 0);
    conceptsOf.push(map);
    distinctive.push(df.map((d) => d <= limit));
  });
  return {
    compiled,
    conceptsOf,
    distinctive,
    entryIndex: new Map(catalogue.entries.map((entry, e) => [entry.id, e])),
  };
}

const built = new WeakMap<Catalogue, Vocabulary>();

/** The check for one catalogue; its tables are built once per catalogue object. */
export function createVocabularyCheck(catalogue: Catalogue): VocabularyCheck {
  let v = built.get(catalogue);
  if (!v) {
    v = build(catalogue);
    built.set(catalogue, v);
  }
  const { compiled, conceptsOf, distinctive, entryIndex } = v;
  return (entryId, text, language = null) => {
    const e = entryIndex.get(entryId);
    const terms = e === undefined ? undefined : conceptsOf[e];
    const names = e === undefined ? undefined : compiled.entries[e]?.concepts;
    if (e === undefined || !terms || !names) return { concepts: [], distinctive: [], carries: false };
    const hit = new Set<number>();
    for (const o of compiled.index.scan(prepareDocument({ text, title: null, language }))) {
      for (const c of terms.get(o.term.payload) ?? []) hit.add(c);
    }
    const found = [...hit].sort((a, b) => a - b);
    const rare = found.filter((c) => distinctive[e]?.[c] === true);
    const name = (c: number): string => names[c] ?? '';
    return { concepts: found.map(name), distinctive: rare.map(name), carries: rare.length > 0 };
  };
}
