/**
 * The guesser's evidence within one script, and its two decision orders. franc can confuse Kazakh
 * and Russian on short texts, so letters and function words come first: a marked language's letters
 * (ә ғ қ ң ө ұ ү һ і) are a strong signal, its rare letters (ұ қ ә ғ) a stronger one, while letters
 * of unsupported languages of the script (ї є ґ ў ҳ ҷ …) point elsewhere.
 *
 * Cyrillic (the default language D, each other language C of the script with a detect profile):
 *  1. foreign letters and franc names none of the script's languages → other;
 *  2. C's function words outnumber every other language's (and C's letters occur) → C;
 *  3. D's function words outnumber every other's → D;
 *  4. C's rare letters occur and its letters are ≥ 3% of the script's → C;
 *  5. franc names C and C's letters occur → C;
 *  6. a short text declared in a language of the script → that language;
 *  7. as 4 at ≥ 1% → C;  8. franc names a language of the script, or nothing → D;
 *  9. franc names an unsupported relative, unless no C letter occurs and D's signature letters do
 *     → other;  10. D when no C letter occurs, else other.
 * Latin: a short text keeps its declared language (unless that one is written otherwise); function
 * words; franc naming D → D; C's letters ≥ 1.5% with one of its confirming letters → C; franc
 * naming nothing → D for plain ASCII text; else other.
 */
import type { LanguageId, LanguageRegistry } from './registry.js';
import { letterClass, SCRIPT_FACTS, type ScriptName } from './scripts.js';

interface Candidate {
  id: string;
  franc: string | null;
  letters: RegExp | null;
  rare: RegExp | null;
  confirm: RegExp | null;
  words: ReadonlySet<string> | null;
}

export interface ScriptEvidence {
  ids: ReadonlySet<string>;
  francs: ReadonlySet<string>;
  def: {
    id: string;
    franc: string | null;
    words: ReadonlySet<string> | null;
    signature: RegExp | null;
  } | null;
  candidates: readonly Candidate[];
  foreign: RegExp;
  relatives: ReadonlySet<string>;
}

export interface VerdictInput {
  sample: string;
  /** Letters of the script in the sample. */
  letters: number;
  shortText: boolean;
  declared: LanguageId | null;
  guess: () => string;
}

const cls = (chars: string | undefined) => (chars ? letterClass(chars, 'g') : null);
const count = (text: string, re: RegExp | null) => (re ? (text.match(re)?.length ?? 0) : 0);

export function scriptEvidence(registry: LanguageRegistry, script: ScriptName): ScriptEvidence {
  const written = registry.languages.filter((l) => l.scripts[script] !== undefined);
  const d = registry.defaultOf(script);
  const dd = d?.scripts[script]?.detect;
  const known = registry.languages.flatMap((l) =>
    Object.values(l.scripts).flatMap((p) => [...(p?.letters ?? ''), ...(p?.detect?.letters ?? '')]),
  );
  const francs = new Set(written.flatMap((l) => (l.franc ? [l.franc] : [])));
  return {
    ids: new Set(written.map((l) => l.id)),
    francs,
    def: d
      ? {
          id: d.id,
          franc: d.franc,
          words: dd?.words ? new Set(dd.words) : null,
          signature: cls(dd?.signature),
        }
      : null,
    candidates: written
      .filter((l) => l !== d && l.scripts[script]?.detect !== undefined)
      .map((l) => {
        const p = l.scripts[script]?.detect;
        return {
          id: l.id,
          franc: l.franc,
          letters: cls(p?.letters),
          rare: cls(p?.rare),
          confirm: cls(p?.confirm),
          words: p?.words ? new Set(p.words) : null,
        };
      }),
    foreign: letterClass([...SCRIPT_FACTS[script].foreign].filter((c) => !known.includes(c)).join(''), 'g'),
    relatives: new Set(SCRIPT_FACTS[script].relatives.filter((r) => !francs.has(r))),
  };
}

function wordCounts(ev: ScriptEvidence, sample: string): { def: number; of: Map<string, number> } {
  const of = new Map<string, number>();
  const needed = ev.def?.words || ev.candidates.some((c) => c.words);
  const words = needed ? (sample.toLowerCase().match(/[\p{L}]+/gu) ?? []) : [];
  const hits = (set: ReadonlySet<string> | null) => (set ? words.filter((w) => set.has(w)).length : 0);
  for (const c of ev.candidates) of.set(c.id, hits(c.words));
  return { def: hits(ev.def?.words ?? null), of };
}

/** The candidate whose function words outnumber every other language's, or null. */
function byWords(ev: ScriptEvidence, counts: ReturnType<typeof wordCounts>, sample: string): string | null {
  for (const c of ev.candidates) {
    if (!c.words) continue;
    const mine = counts.of.get(c.id) ?? 0;
    const others = Math.max(
      counts.def,
      ...ev.candidates.filter((o) => o !== c).map((o) => counts.of.get(o.id) ?? 0),
    );
    if (mine > others && (c.letters === null || count(sample, c.letters) > 0)) return c.id;
  }
  return null;
}

export function cyrillicVerdict(ev: ScriptEvidence, input: VerdictInput): LanguageId {
  const { sample, letters, shortText, declared } = input;
  const lettersOf = new Map(ev.candidates.map((c) => [c.id, count(sample, c.letters)]));
  const rareOf = new Map(ev.candidates.map((c) => [c.id, count(sample, c.rare)]));
  const marked = [...lettersOf.values()].reduce((a, b) => a + b, 0);
  const counts = wordCounts(ev, sample);
  const guess = input.guess();
  const share = (c: Candidate) => (lettersOf.get(c.id) ?? 0) / letters;
  const rare = (c: Candidate) => (rareOf.get(c.id) ?? 0) > 0;
  const def = ev.def?.id ?? 'other';

  if (count(sample, ev.foreign) > 0 && !ev.francs.has(guess)) return 'other';
  const worded = byWords(ev, counts, sample);
  if (worded) return worded;
  if (ev.def && counts.def > Math.max(0, ...counts.of.values())) return def;
  for (const c of ev.candidates) if (rare(c) && share(c) >= 0.03) return c.id;
  for (const c of ev.candidates) if (guess === c.franc && (lettersOf.get(c.id) ?? 0) > 0) return c.id;
  if (shortText && declared !== null && ev.ids.has(declared)) return declared;
  for (const c of ev.candidates) if (rare(c) && share(c) >= 0.01) return c.id;
  if (guess === 'und' || ev.francs.has(guess)) return def;
  if (ev.relatives.has(guess) && !(marked === 0 && count(sample, ev.def?.signature ?? null) > 0))
    return 'other';
  return marked === 0 ? def : 'other';
}

export function latinVerdict(ev: ScriptEvidence, input: VerdictInput): LanguageId {
  const { sample, letters, shortText, declared } = input;
  if (shortText && declared !== null && (declared === 'other' || ev.ids.has(declared))) return declared;
  const worded = byWords(ev, wordCounts(ev, sample), sample);
  if (worded) return worded;
  const guess = input.guess();
  if (ev.def && guess === ev.def.franc) return ev.def.id;
  for (const c of ev.candidates) {
    if (!c.letters || count(sample, c.letters) / letters < 0.015) continue;
    if (c.confirm === null || count(sample, c.confirm) > 0) return c.id;
  }
  if (guess === 'und') return /^[\x20-\x7e\s]*$/.test(sample) && ev.def ? ev.def.id : 'other';
  return 'other';
}
