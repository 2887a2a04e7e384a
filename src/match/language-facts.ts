/**
 * What the matcher reads from a language registry, compiled once per registry: sentence-splitting
 * abbreviations, the words and patterns of negation and attribution scope, fact-check ledes, and
 * the per-letter table that tells a word's script and whether it has a marked language's letters.
 * The matcher holds no language literal: everything here comes from lang/<id>/language.yaml.
 */
import { defaultRegistry } from '../lang/load.js';
import type { LanguageRegistry } from '../lang/registry.js';
import { escapeRegExp, SCRIPT_FACTS, SCRIPTS } from '../lang/scripts.js';

export interface LetterTable {
  /** Per code point: 1 + the script's index (0 none); +4 a marked letter; +8 one unless `unlessNext` follows. */
  classes: Uint8Array;
  unlessNext: Uint16Array;
  /** Per script class (1, 2, …): the script's marked language, or null. */
  markedIds: ReadonlyArray<string | null>;
}

export interface MatchLanguage {
  registry: LanguageRegistry;
  abbreviations: ReadonlySet<string>;
  firstPerson: ReadonlySet<string>;
  /** Clause words that attribute wherever they stand ("… деп жазды"). */
  attributesAnywhere: ReadonlySet<string>;
  /** Clause words that attribute with no subject before them ("по словам"). */
  attributesWithoutSubject: ReadonlySet<string>;
  /** A verb with a negative suffix, for a word read in its marked language; null when none. */
  negativeVerb: RegExp | null;
  /** A fact-check lede ("No, …", "Нет, …"), and the lower-case first characters it can start with. */
  noLede: RegExp | null;
  ledeStart: ReadonlySet<string>;
  letters: LetterTable;
}

const OPENING_QUOTES = ['"', '«', '“'];

function letterTable(registry: LanguageRegistry): LetterTable {
  let size = 0;
  for (const s of SCRIPTS) for (const [, to] of SCRIPT_FACTS[s].ranges) size = Math.max(size, to + 1);
  const marks = registry.languages.flatMap((l) =>
    SCRIPTS.flatMap((s) => [
      ...(l.scripts[s]?.letters ?? ''),
      ...Object.keys(l.scripts[s]?.count_unless_next ?? {}),
    ]),
  );
  for (const c of marks) size = Math.max(size, (c.codePointAt(0) ?? 0) + 1);
  const classes = new Uint8Array(size);
  const unlessNext = new Uint16Array(size);
  const markedIds: (string | null)[] = [null];
  SCRIPTS.forEach((s, i) => {
    for (const [from, to] of SCRIPT_FACTS[s].ranges) for (let c = from; c <= to; c++) classes[c] = i + 1;
    const m = registry.markedOf(s);
    markedIds.push(m?.id ?? null);
    const profile = m?.scripts[s];
    for (const ch of profile?.letters ?? '') {
      const c = ch.codePointAt(0) ?? 0;
      classes[c] = i + 1 + 4;
    }
    for (const [ch, next] of Object.entries(profile?.count_unless_next ?? {})) {
      const c = ch.codePointAt(0) ?? 0;
      classes[c] = (classes[c] ?? 0) | 8;
      unlessNext[c] = next.charCodeAt(0);
    }
  });
  return { classes, unlessNext, markedIds };
}

function compile(registry: LanguageRegistry): MatchLanguage {
  const lede = [...registry.union((l) => l.noLede)];
  const negative = registry.languages.flatMap((l) => (l.negativeVerb ? [`(?:${l.negativeVerb})`] : []));
  return {
    registry,
    abbreviations: registry.union((l) => l.abbreviations),
    firstPerson: registry.union((l) => l.firstPerson),
    attributesAnywhere: registry.union((l) => l.attribution.anywhere),
    attributesWithoutSubject: registry.union((l) => l.attribution.withoutSubject),
    negativeVerb: negative.length > 0 ? new RegExp(negative.join('|')) : null,
    noLede:
      lede.length > 0 ? new RegExp(`^["«“]?(${lede.map(escapeRegExp).join('|')})\\s*[,:—–-]`, 'i') : null,
    ledeStart: new Set([...lede.map((w) => (w[0] ?? '').toLowerCase()), ...OPENING_QUOTES]),
    letters: letterTable(registry),
  };
}

const compiled = new WeakMap<LanguageRegistry, MatchLanguage>();

/** The matcher's facts of a registry (the shipped one unless given), compiled on first use. */
export function matchLanguage(registry: LanguageRegistry = defaultRegistry()): MatchLanguage {
  let facts = compiled.get(registry);
  if (!facts) {
    facts = compile(registry);
    compiled.set(registry, facts);
  }
  return facts;
}
