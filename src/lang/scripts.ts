/**
 * The writing systems the registry knows, with their Unicode facts. Languages are data (lang/<id>/);
 * scripts are code, because every consumer reads them a little differently and must keep doing so:
 *
 * - `word`: does a word belong to the script (stemmer choice, cross-script name keys).
 * - `sample`: the letters the language guesser counts in a text sample.
 * - `ranges`: code point ranges of the script's letters for the matcher's per-word class table.
 * - `foreign`: letters of languages of the script that the registry does not support (Ukrainian,
 *   Uzbek, Tajik, Bashkir, Tatar, Serbian, Macedonian for Cyrillic); a letter that a registered
 *   language lists is not foreign.
 * - `relatives`: franc codes of unsupported languages of the script that franc may name for a text
 *   of a supported one; a registered language's code is no relative.
 */

export const SCRIPTS = ['cyrillic', 'latin'] as const;
export type ScriptName = (typeof SCRIPTS)[number];
export type Script = ScriptName | 'other';

export interface ScriptFacts {
  word: RegExp;
  sample: RegExp;
  ranges: ReadonlyArray<readonly [number, number]>;
  foreign: string;
  relatives: readonly string[];
}

export const SCRIPT_FACTS: Readonly<Record<ScriptName, ScriptFacts>> = {
  cyrillic: {
    word: /\p{Script=Cyrillic}/u,
    sample: /[\u0400-\u04ff]/g,
    ranges: [[0x400, 0x52f]],
    foreign: 'їЇєЄґҐўЎҳҲҷҶҡҠҙҘҫҪҗҖӣӢӯӮђЂјЈљЉњЊћЋџЏѓЃќЌѕЅ',
    relatives: [
      'ukr',
      'bel',
      'bul',
      'mkd',
      'srp',
      'kir',
      'tat',
      'bak',
      'uzb',
      'tgk',
      'khk',
      'mon',
      'chv',
      'sah',
      'tyv',
    ],
  },
  latin: {
    word: /\p{Script=Latin}/u,
    sample: /[a-zA-Z\u00c0-\u024f]/g,
    ranges: [
      [0x61, 0x7a],
      [0xc0, 0x24f],
    ],
    foreign: '',
    relatives: [],
  },
};

/** The script of a word: the first in SCRIPTS it has a letter of, or 'other'. */
export function scriptOf(word: string): Script {
  for (const s of SCRIPTS) if (SCRIPT_FACTS[s].word.test(word)) return s;
  return 'other';
}

/** A regular-expression character class of exactly these characters (empty: matches nothing). */
export function letterClass(chars: string, flags = ''): RegExp {
  if (chars === '') return new RegExp('[^\\s\\S]', flags);
  const escaped = [...chars].map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join('');
  return new RegExp(`[${escaped}]`, flags);
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
