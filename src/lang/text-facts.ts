/**
 * What text normalization (text/normalize.ts, word-keys.ts, translit.ts) reads from the shipped
 * languages, computed once when first imported: letter folding, transliteration, the marking
 * letters, and per script the default and the marked language's stemmer.
 */
import { defaultRegistry } from './load.js';
import { letterClass, SCRIPTS, type Script } from './scripts.js';
import { NO_STEMMER, type Stemmer } from './stemmers.js';

const registry = defaultRegistry();

function merged(pick: (l: (typeof registry.languages)[number]) => Readonly<Record<string, string>>) {
  const out: Record<string, string> = {};
  for (const l of registry.languages) Object.assign(out, pick(l));
  return out;
}

/** Letters folded to another before matching (ё → е); one character each, so lengths are kept. */
export const LETTER_FOLD: Readonly<Record<string, string>> = merged((l) => l.fold);

/** Letters the generic transliterator renders badly, written in plain Latin (lower case). */
export const TRANSLITERATION: Readonly<Record<string, string>> = merged((l) => l.transliteration);

/** Every marked language's letters, in any script (әғқңөұүһі, äğıñşūǵń). */
export const MARKING_LETTERS: string = registry.languages
  .flatMap((l) => SCRIPTS.map((s) => l.scripts[s]?.letters ?? ''))
  .join('');

const MARKING_RE = letterClass(MARKING_LETTERS);

/** True when a folded word has letters only a marked language uses (Kazakh). */
export function hasMarkingLetters(word: string): boolean {
  return MARKING_RE.test(word);
}

interface ScriptStemmers {
  plain: Stemmer;
  marked: Stemmer | null;
}

const STEMMERS: Readonly<Record<Script, ScriptStemmers>> = {
  cyrillic: stemmersOf('cyrillic'),
  latin: stemmersOf('latin'),
  other: { plain: NO_STEMMER, marked: null },
};

function stemmersOf(script: Script): ScriptStemmers {
  return {
    plain: registry.defaultOf(script)?.stemmer ?? NO_STEMMER,
    marked: registry.markedOf(script)?.stemmer ?? null,
  };
}

/** The stem of a folded word of `script`, in the script's marked language when `marked`. */
export function stemIn(script: Script, word: string, marked: boolean): string {
  const s = STEMMERS[script];
  return marked && s.marked ? s.marked.stem(word, script) : s.plain.stem(word, script);
}

/** Every form from the word to its stem in the script's marked language (just the word when none). */
export function markedChain(script: Script, word: string): string[] {
  return STEMMERS[script].marked?.chain(word, script) ?? [word];
}

/** True when texts in this language are read in its marked mode (a Kazakh term, a Kazakh article). */
export function isMarkedLanguage(id: string | null | undefined): boolean {
  return registry.isMarked(id);
}
