/**
 * The rules of language folders beyond the schema: the folder's name is the id, tags and franc
 * codes belong to one language, the stemmer exists, each script has at most one default and one
 * marked language, marking letters are lower-case letters of their script, folding and
 * transliteration agree between languages, patterns compile and match no empty text, and cue terms
 * have a letter and are listed once.
 */
import { CUE_KINDS } from './cue-kinds.js';
import type { LanguageProblem, ParsedFolder } from './problem.js';
import { PAGE_PHRASE_KINDS } from './schema.js';
import { SCRIPT_FACTS, SCRIPTS } from './scripts.js';
import { stemmerNamed, stemmerNames } from './stemmers.js';

const WORDISH = /[\p{L}\p{N}]/u;

/** Why a pattern is unusable: it does not compile, or it matches an empty text (so every text). */
function patternProblem(source: string): string | null {
  let re: RegExp;
  try {
    re = new RegExp(source, 'i');
  } catch (err) {
    return `not a valid pattern: ${err instanceof Error ? err.message : String(err)}`;
  }
  return re.test('') ? 'the pattern matches an empty text, so it would match everything' : null;
}

type At = (path: PropertyKey[], message: string) => LanguageProblem;

/** What one language.yaml must satisfy on its own. */
function ownRules(f: ParsedFolder, at: At): LanguageProblem[] {
  const l = f.language;
  const out: LanguageProblem[] = [];
  if (l.id !== f.name)
    out.push(at(['id'], `id '${l.id}' must be the folder's name, '${f.name}' (one folder per language)`));
  if (!stemmerNamed(l.stemmer))
    out.push(at(['stemmer'], `unknown stemmer '${l.stemmer}': use one of ${stemmerNames().join(', ')}`));
  if (!SCRIPTS.some((s) => l.scripts[s] !== undefined))
    out.push(at(['scripts'], `list at least one script (${SCRIPTS.join(', ')})`));
  for (const s of SCRIPTS) {
    const p = l.scripts[s];
    if (p?.default === true && p.letters !== undefined)
      out.push(at(['scripts', s, 'letters'], "a script's default language has no marking letters"));
    const wrong = [...(p?.letters ?? '')].filter(
      (c) => !SCRIPT_FACTS[s].word.test(c) || c !== c.toLowerCase(),
    );
    if (wrong.length > 0)
      out.push(at(['scripts', s, 'letters'], `not lower-case ${s} letters: ${wrong.join(' ')}`));
  }
  for (const field of ['fold', 'transliteration'] as const) {
    for (const from of Object.keys(l[field])) {
      if (from !== from.toLowerCase())
        out.push(at([field, from], `'${from}' must be lower case (text is lower-cased first)`));
    }
  }
  const pattern = (path: PropertyKey[], source: string): void => {
    const problem = patternProblem(source);
    if (problem) out.push(at(path, problem));
  };
  if (l.negative_verb !== null) {
    pattern(['negative_verb'], l.negative_verb);
    if (!SCRIPTS.some((s) => l.scripts[s]?.letters !== undefined))
      out.push(at(['negative_verb'], 'only a marked language (one with `letters`) reads negative verbs'));
  }
  for (const kind of PAGE_PHRASE_KINDS) {
    l.pages[kind].forEach((p, i) => {
      pattern(['pages', kind, i], p);
    });
  }
  return out;
}

/** Cue terms: each has a letter or digit and is listed once in its kind. */
function cueRules(f: ParsedFolder): LanguageProblem[] {
  const out: LanguageProblem[] = [];
  for (const kind of CUE_KINDS) {
    const seen = new Set<string>();
    f.cues[kind].forEach((term, i) => {
      const at = (message: string): void => {
        out.push({ file: f.cuesFile, path: [kind, i], message });
      };
      const key = term.replace(/\s+/g, ' ').toLowerCase();
      if (!WORDISH.test(term)) at(`'${term}' has no letter or digit: it would match nothing`);
      else if (seen.has(key)) at(`'${term}' is listed twice in ${kind}`);
      seen.add(key);
    });
  }
  return out;
}

export function languageRules(folders: ReadonlyArray<ParsedFolder>): LanguageProblem[] {
  const out: LanguageProblem[] = [];
  /** tag:…, franc:…, default:<script>, marked:<script>, fold:<char>, … → the first language with it. */
  const taken = new Map<string, { who: string; value: string }>();
  const take = (key: string, who: string, value = ''): { who: string; value: string } | null => {
    const first = taken.get(key);
    if (!first) taken.set(key, { who, value });
    return first && first.who !== who ? first : null;
  };
  for (const f of folders) {
    const l = f.language;
    const at: At = (path, message) => ({ file: f.languageFile, path, message });
    out.push(...ownRules(f, at), ...cueRules(f));
    l.tags.forEach((t, i) => {
      const other = take(`tag:${t}`, l.id);
      if (other)
        out.push(at(['tags', i], `tag '${t}' is also a tag of ${other.who}: a tag names one language`));
    });
    const franc = l.franc;
    const francOwner = franc === null ? null : take(`franc:${franc}`, l.id);
    if (francOwner) out.push(at(['franc'], `franc code '${franc}' is also ${francOwner.who}'s`));
    for (const s of SCRIPTS) {
      const p = l.scripts[s];
      const def = p?.default === true ? take(`default:${s}`, l.id) : null;
      if (def) out.push(at(['scripts', s, 'default'], `${def.who} is already the default language of ${s}`));
      const marked = p?.letters !== undefined ? take(`marked:${s}`, l.id) : null;
      if (marked)
        out.push(
          at(
            ['scripts', s, 'letters'],
            `${marked.who} already marks ${s} words: one marked language a script`,
          ),
        );
    }
    for (const field of ['fold', 'transliteration'] as const) {
      for (const [from, to] of Object.entries(l[field])) {
        const other = take(`${field}:${from}`, l.id, to);
        if (other && other.value !== to)
          out.push(
            at([field, from], `${other.who} maps '${from}' to '${other.value}': languages must agree`),
          );
      }
    }
  }
  return out;
}
