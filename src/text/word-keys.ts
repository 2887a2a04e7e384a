/**
 * The match keys of one folded word: what the matcher indexes catalogue terms under and looks
 * article words up by. Two words "meet" when their key sets share a key.
 *
 * - keys: stems in the word's own script: its default language's stemmer (Snowball Russian for
 *   Cyrillic, English for Latin: lang/<id>/language.yaml), run again until it stops changing
 *   (Snowball gives "казахста" for Казахстан but "казахстан" for Казахстане; both end at
 *   "казахст"). In marked mode (a word with the marked language's letters, a term of that language,
 *   or an article in it: Kazakh) also every form of that language's stemmer chain (kazakh-stem.ts).
 * - names: cross-script name keys (translit.ts nameKey of the word and of its stems), tagged with
 *   the word's script. A Latin word is compared with the Cyrillic names and the reverse, so
 *   Tokayev meets Токаевым and Astana meets Астане, while words in one script never meet through
 *   their skeletons. Keys shorter than four letters are dropped: too many words share them.
 *
 * Results are memoized (a bounded cache), since an article repeats most of its words.
 */
import { hasMarkingLetters, markedChain } from '../lang/text-facts.js';
import { type Script, scriptOf, stemFolded } from './normalize.js';
import { nameKey } from './translit.js';

export interface WordKeys {
  script: Script;
  keys: string[];
  /** Cross-script name keys, each prefixed with the word's script initial ("c:" or "l:"). */
  names: string[];
}

const MIN_NAME_KEY = 4;
const CACHE_LIMIT = 200_000;
const cache = new Map<string, WordKeys>();

function fixpoint(word: string): string[] {
  const out: string[] = [];
  let w = word;
  for (let i = 0; i < 4; i++) {
    const next = stemFolded(w);
    if (next === w) break;
    out.push(next);
    w = next;
  }
  return out;
}

/** Whose keys: an article word's, or a catalogue term word's (see the module comment). */
export type KeyRole = 'text' | 'term';

function compute(word: string, marked: boolean, role: KeyRole): WordKeys {
  const script = scriptOf(word);
  if (script === 'other') return { script, keys: [word], names: [] };
  const lettered = hasMarkingLetters(word);
  const kk = marked || lettered;
  const keys = new Set<string>();
  // Name keys come from the word, its first stem and its Kazakh chain: enough to meet a name's
  // other-script spelling ("Токаевым" → "токаев" → tokaev), and cheap for words seen the first time.
  const nameForms = new Set<string>([word]);
  if (!lettered) {
    const stems = fixpoint(word);
    if (stems.length === 0) keys.add(word);
    for (const s of stems) keys.add(s);
    if (stems[0] !== undefined) nameForms.add(stems[0]);
  }
  if (kk && role === 'term') keys.add(word);
  if (kk && role === 'text') {
    for (const f of markedChain(script, word)) {
      keys.add(f);
      nameForms.add(f);
    }
  }
  const tag = script === 'cyrillic' ? 'c:' : 'l:';
  const names = new Set<string>();
  for (const form of nameForms) {
    const n = nameKey(form);
    if (n.length >= MIN_NAME_KEY) names.add(tag + n);
  }
  return { script, keys: [...keys], names: [...names] };
}

/** The keys of a folded word; `marked` adds the marked language's forms for words without its letters. */
export function wordKeys(word: string, marked = false, role: KeyRole = 'text'): WordKeys {
  // Catalogue terms are compiled once: only article words are worth remembering.
  if (role === 'term') return compute(word, marked, role);
  const id = (marked ? '1' : '0') + word;
  const hit = cache.get(id);
  if (hit) return hit;
  const computed = compute(word, marked, role);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, computed);
  return computed;
}

/** The name tag a word must be looked up under: the other script's. */
export function otherScriptTag(script: Script): string | null {
  if (script === 'cyrillic') return 'l:';
  if (script === 'latin') return 'c:';
  return null;
}

/** Empties the memo (for benchmarks that measure cold runs). */
export function clearWordKeyCache(): void {
  cache.clear();
}
