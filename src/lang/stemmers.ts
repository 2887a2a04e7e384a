/**
 * The stemmers a language.yaml may name (`stemmer:`). An algorithm is code; which language uses
 * which is data.
 * - `snowball-<algorithm>`: a Snowball stemmer of the snowball-stemmers package (english, russian,
 *   german, turkish, …: SNOWBALL_ALGORITHMS).
 * - `kazakh`: the light rule-based Kazakh stemmer (text/kazakh-stem.ts), Cyrillic and Latin script.
 * - `none`: words are kept as they are.
 * `chain` lists every form from the word to its stem (the word first): the matcher compares a word
 * in a marked language's mode through its whole chain (see text/word-keys.ts).
 */
import snowball from 'snowball-stemmers';
import {
  kazakhCyrillicChain,
  kazakhLatinChain,
  stemKazakhCyrillic,
  stemKazakhLatin,
} from '../text/kazakh-stem.js';
import type { Script } from './scripts.js';

export interface Stemmer {
  stem(word: string, script: Script): string;
  chain(word: string, script: Script): string[];
}

export const SNOWBALL_ALGORITHMS: readonly string[] = snowball.algorithms();

const kazakh: Stemmer = {
  stem: (w, script) => (script === 'latin' ? stemKazakhLatin(w) : stemKazakhCyrillic(w)),
  chain: (w, script) => (script === 'latin' ? kazakhLatinChain(w) : kazakhCyrillicChain(w)),
};

/** Keeps words as they are (`stemmer: none`, and scripts no language stems). */
export const NO_STEMMER: Stemmer = { stem: (w) => w, chain: (w) => [w] };

function snowballStemmer(algorithm: string): Stemmer {
  const s = snowball.newStemmer(algorithm);
  return {
    stem: (w) => s.stem(w),
    chain: (w) => {
      const stem = s.stem(w);
      return stem === w ? [w] : [w, stem];
    },
  };
}

/** The names a language.yaml may use, for the lint's message. */
export function stemmerNames(): string[] {
  return ['kazakh', 'none', ...SNOWBALL_ALGORITHMS.map((a) => `snowball-${a}`)];
}

const made = new Map<string, Stemmer>();

/** The stemmer of that name, or null when there is none. */
export function stemmerNamed(name: string): Stemmer | null {
  const known = made.get(name);
  if (known) return known;
  let s: Stemmer | null = null;
  if (name === 'kazakh') s = kazakh;
  else if (name === 'none') s = NO_STEMMER;
  else if (name.startsWith('snowball-') && SNOWBALL_ALGORITHMS.includes(name.slice('snowball-'.length)))
    s = snowballStemmer(name.slice('snowball-'.length));
  if (s) made.set(name, s);
  return s;
}
