/**
 * Named actors: the persons and institutions whose words or acts a catalogue text may attribute
 * (claims/meta/actors.yaml). A text that names one needs a source (provenance.ts). Terms are
 * written as in match concepts (stemmed words, a trailing * is a prefix, several words must be
 * consecutive) and meet the words of a text through the same keys lookup and the matcher use
 * (stems, Kazakh stem chains, cross-script name keys), so "Tokayev" finds "Токаева".
 */
import { z } from 'zod';
import { foldCase, tokenize } from '../text/normalize.js';
import { nameKey } from '../text/translit.js';
import { wordKeys } from '../text/word-keys.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const terms = z.array(nonEmpty).optional();

const actor = z
  .strictObject({ name: nonEmpty, en: terms, ru: terms, kk: terms })
  .refine(
    (a) => (a.en?.length ?? 0) + (a.ru?.length ?? 0) + (a.kk?.length ?? 0) > 0,
    'needs at least one term',
  );

export const actorsSchema = z.strictObject({
  persons: z.array(actor).default([]),
  institutions: z.array(actor).default([]),
});

export type ActorList = z.output<typeof actorsSchema>;
export type ActorKind = 'person' | 'institution';

export interface NamedActor {
  name: string;
  kind: ActorKind;
}

interface TermWord {
  /** Stem keys, or the folded beginning for a prefix word. */
  keys: ReadonlySet<string>;
  /** Cross-script name keys without their script tag. */
  names: ReadonlySet<string>;
  prefix: string | null;
  script: string;
}

interface CompiledTerm {
  actor: NamedActor;
  words: TermWord[];
}

export interface ActorIndex {
  terms: ReadonlyArray<CompiledTerm>;
}

const MIN_PREFIX_NAME = 4;

function termWord(word: string, kazakh: boolean, prefix: boolean): TermWord {
  const k = wordKeys(word, kazakh, 'term');
  const names = new Set(k.names.map((n) => n.slice(2)));
  return { keys: new Set(prefix ? [] : k.keys), names, prefix: prefix ? word : null, script: k.script };
}

export function compileActors(list: ActorList): ActorIndex {
  const out: CompiledTerm[] = [];
  const add = (kind: ActorKind) => (a: ActorList['persons'][number]) => {
    for (const lang of ['en', 'ru', 'kk'] as const) {
      for (const term of a[lang] ?? []) {
        const chunks = term.trim().split(/\s+/);
        const words: TermWord[] = [];
        for (const chunk of chunks) {
          const prefix = chunk.endsWith('*');
          const toks = tokenize(chunk.replace(/\*+$/, ''));
          for (const [i, t] of toks.entries()) {
            words.push(termWord(t.word, lang === 'kk', prefix && i === toks.length - 1));
          }
        }
        if (words.length > 0) out.push({ actor: { name: a.name, kind }, words });
      }
    }
  };
  list.persons.forEach(add('person'));
  list.institutions.forEach(add('institution'));
  return { terms: out };
}

interface TextWord {
  folded: string;
  keys: ReadonlySet<string>;
  names: ReadonlySet<string>;
  script: string;
}

function meets(t: TermWord, w: TextWord): boolean {
  if (t.prefix !== null) {
    if (w.folded.startsWith(t.prefix)) return true;
    const p = nameKey(t.prefix);
    return t.script !== w.script && p.length >= MIN_PREFIX_NAME && [...w.names].some((n) => n.startsWith(p));
  }
  for (const k of t.keys) if (w.keys.has(k)) return true;
  if (t.script !== w.script) for (const n of t.names) if (w.names.has(n)) return true;
  return false;
}

/** The actors a text names, each once, in the order of the list. */
export function namedActors(text: string, index: ActorIndex, kazakh = false): NamedActor[] {
  const words: TextWord[] = tokenize(text).map((t) => {
    const k = wordKeys(t.word, kazakh);
    return {
      folded: foldCase(t.word),
      keys: new Set(k.keys),
      names: new Set(k.names.map((n) => n.slice(2))),
      script: k.script,
    };
  });
  const found = new Map<string, NamedActor>();
  for (const term of index.terms) {
    if (found.has(term.actor.name)) continue;
    const n = term.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      if (term.words.every((tw, j) => meets(tw, words[i + j] as TextWord))) {
        found.set(term.actor.name, term.actor);
        break;
      }
    }
  }
  return [...found.values()];
}
