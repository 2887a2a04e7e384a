/**
 * The language registry: every language fact of claimdesk, read from one folder per language
 * (lang/<id>/language.yaml and cues.yaml), validated (validate.ts) and then only looked up here.
 *
 * Scripts: for each script (scripts.ts) at most one language is its DEFAULT (unmarked words of the
 * script are stemmed in it: Russian for Cyrillic, English for Latin) and at most one is MARKED: a
 * word with one of its letters, a term of that language, or an article in it is read in its mode
 * (Kazakh in both scripts). The matcher's "marked mode" of a word is that language's.
 */
import type { CueKind } from './cue-kinds.js';
import type { LanguageFile, PagePhrases, ScriptProfile } from './schema.js';
import { SCRIPTS, type Script, type ScriptName } from './scripts.js';
import type { Stemmer } from './stemmers.js';

/** A registry language id (the folder's name), or 'other'. */
export type LanguageId = string;

export interface LanguageInfo {
  id: string;
  name: string;
  nativeName: string;
  tags: readonly string[];
  franc: string | null;
  stemmerName: string;
  stemmer: Stemmer;
  scripts: Readonly<{ [S in ScriptName]?: ScriptProfile | undefined }>;
  cues: Readonly<Record<CueKind, readonly string[]>>;
  fold: Readonly<Record<string, string>>;
  transliteration: Readonly<Record<string, string>>;
  abbreviations: readonly string[];
  firstPerson: readonly string[];
  noLede: readonly string[];
  stopWords: readonly string[];
  attribution: { anywhere: readonly string[]; withoutSubject: readonly string[] };
  negativeVerb: string | null;
  /** Patterns of pages that are no article (fetch/page-phrases.ts). */
  pages: Readonly<PagePhrases>;
  /** The folder it was read from. */
  dir: string;
}

export interface LanguageRegistry {
  /** The folder holding the language folders. */
  readonly root: string;
  /** In folder-name order. */
  readonly languages: readonly LanguageInfo[];
  get(id: string | null | undefined): LanguageInfo | undefined;
  /** The language whose stemmer reads unmarked words of the script, or null. */
  defaultOf(script: Script): LanguageInfo | null;
  /** The script's marked language (a word with its letters is read in its mode), or null. */
  markedOf(script: Script): LanguageInfo | null;
  /** True when the language is the marked language of some script. */
  isMarked(id: string | null | undefined): boolean;
  /** Every language's values of one list field, together. */
  union(pick: (l: LanguageInfo) => readonly string[]): Set<string>;
}

export function languageInfo(
  file: LanguageFile,
  cues: Record<CueKind, readonly string[]>,
  stemmer: Stemmer,
  dir: string,
): LanguageInfo {
  return {
    id: file.id,
    name: file.name,
    nativeName: file.native_name,
    tags: file.tags,
    franc: file.franc,
    stemmerName: file.stemmer,
    stemmer,
    scripts: file.scripts,
    cues,
    fold: file.fold,
    transliteration: file.transliteration,
    abbreviations: file.abbreviations,
    firstPerson: file.first_person,
    noLede: file.no_lede,
    stopWords: file.stop_words,
    attribution: { anywhere: file.attribution.anywhere, withoutSubject: file.attribution.without_subject },
    negativeVerb: file.negative_verb,
    pages: file.pages,
    dir,
  };
}

/** A registry over validated languages (validate.ts has checked the one-default, one-marked rules). */
export function buildRegistry(root: string, languages: readonly LanguageInfo[]): LanguageRegistry {
  const byId = new Map(languages.map((l) => [l.id, l]));
  const defaults = new Map<Script, LanguageInfo>();
  const marked = new Map<Script, LanguageInfo>();
  for (const s of SCRIPTS) {
    const d = languages.find((l) => l.scripts[s]?.default === true);
    const m = languages.find((l) => l.scripts[s]?.letters !== undefined);
    if (d) defaults.set(s, d);
    if (m) marked.set(s, m);
  }
  const markedIds = new Set([...marked.values()].map((l) => l.id));
  return {
    root,
    languages,
    get: (id) => (id ? byId.get(id) : undefined),
    defaultOf: (script) => defaults.get(script) ?? null,
    markedOf: (script) => marked.get(script) ?? null,
    isMarked: (id) => id !== null && id !== undefined && markedIds.has(id),
    union: (pick) => new Set(languages.flatMap((l) => pick(l))),
  };
}
