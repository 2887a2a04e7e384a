/**
 * Where a cue sits relative to the claim's own words, for two stance signals that need positions,
 * not just counts per sentence:
 *
 * - negated: a negation ("not", "never", "no", "не", "нет", "никаких", "жоқ", "емес", or a Kazakh
 *   verb with the negative suffix -ма/-ме/-ба/-бе/-па/-пе: "жіберілмейді", "ашылмаған") inside the
 *   span of the claim's words in a sentence, or at most SLACK words before or after it: "There are
 *   no American biolabs in Kazakhstan", "Пентагон не перевозил биолаборатории", "биозертханалары
 *   жоқ". A negation that is part of a matched term ("никогда не было государственности",
 *   "не благодарен") is the claim itself, and idioms that do not deny anything ("did not hesitate",
 *   "not only", "не секрет", "не скрывают") do not count.
 * - attributed: the claim is reported speech of a named third party. Either a source ("Russian
 *   media", "Захарова", "Putin", "ресейлік БАҚ") and a speech verb ("said", "пишут", "деді") in
 *   the sentence, or a "that"-clause verb ("wrote that", "заявила, что", "по словам", "деп
 *   мәлімдеді") with a subject, placed before the claim's words (Kazakh "деп …" anywhere): "Several
 *   Russian outlets wrote that NATO would open…". "I say that…" / "Я говорю, что…" is no attribution.
 *
 * A match is negated (attributed) when at least half of its windows are.
 */
import { foldCase } from '../text/normalize.js';
import type { CueKind } from './cues.js';
import type { Doc } from './document.js';
import type { ConceptHit, WindowMatch } from './windows.js';

export interface CueMark {
  cues: readonly CueKind[];
  from: number;
  to: number;
}

/** Words allowed between a negation and the nearest claim word outside the claim's span. */
const SLACK = 2;
/** "I/we (have long) say that…" is the author speaking: look this many words back for the subject. */
const SUBJECT_REACH = 3;
const FIRST_PERSON = new Set(['i', 'we', 'я', 'мы', 'мен', 'біз']);
/** Kazakh negative verb: stem, -ма/-ме/-ба/-бе/-па/-пе, a tense or participle ending, short tail. */
const KK_NEGATIVE_VERB =
  /[а-яәғқңөұүһі]{2}(ма|ме|ба|бе|па|пе)(йды|йді|йтын|йтін|йды|ды|ді|ған|ген|й)[а-яәғқңөұүһі]{0,4}$/;

function kkNegativeIn(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    if (doc.kazakh[i] === 1 && KK_NEGATIVE_VERB.test(foldCase(doc.words[i] ?? ''))) return true;
  }
  return false;
}

function within(n: CueMark, h: { from: number; to: number }): boolean {
  return n.from >= h.from && n.to <= h.to;
}

function sentencesOf(w: WindowMatch): Map<number, ConceptHit[]> {
  const out = new Map<number, ConceptHit[]>();
  for (const h of w.used) {
    const list = out.get(h.sentence);
    if (list) list.push(h);
    else out.set(h.sentence, [h]);
  }
  return out;
}

function negatedSentence(
  doc: Doc,
  hits: readonly ConceptHit[],
  marks: readonly CueMark[],
  claimWords: readonly ConceptHit[],
): boolean {
  const first = Math.min(...hits.map((h) => h.from));
  const last = Math.max(...hits.map((h) => h.to));
  const lo = first - SLACK;
  const hi = last + SLACK;
  const negations = marks.filter((m) => m.cues.includes('negation'));
  // The claim is itself negative ("никогда не было государственности"): a negation next to it is
  // part of the same statement, not a denial of it.
  if (negations.some((n) => claimWords.some((h) => within(n, h)))) return false;
  if (claimWords.some((h) => h.to > h.from && kkNegativeIn(doc, h.from, h.to))) return false;
  const idioms = marks.filter((m) => m.cues.includes('idiom'));
  const free = (n: CueMark) => !idioms.some((i) => within(n, i));
  for (const m of negations) if (m.from >= lo && m.to <= hi && free(m)) return true;
  for (let i = Math.max(0, lo); i <= hi && i < doc.words.length; i++) {
    if (doc.sentence[i] !== hits[0]?.sentence) continue;
    if (kkNegativeIn(doc, i, i) && free({ cues: [], from: i, to: i })) return true;
  }
  return false;
}

function attributedSentence(doc: Doc, hits: readonly ConceptHit[], marks: readonly CueMark[]): boolean {
  const has = (k: CueKind) => marks.some((m) => m.cues.includes(k));
  if (has('source') && (has('says') || has('saysThat'))) return true;
  const first = Math.min(...hits.map((h) => h.from));
  return marks.some((m) => {
    if (!m.cues.includes('saysThat') || hits.some((h) => within(m, h))) return false;
    const word = foldCase(doc.words[m.from] ?? '');
    if (word === 'деп' || word === 'айтуынша' || word === 'пікірінше') return true;
    if (m.to >= first) return false;
    if (word === 'по') return true;
    const opening = m.from === 0 || doc.sentence[m.from - 1] !== doc.sentence[m.from];
    if (opening) return false;
    for (let i = Math.max(0, m.from - SUBJECT_REACH); i < m.from; i++) {
      if (doc.sentence[i] === doc.sentence[m.from] && FIRST_PERSON.has(foldCase(doc.words[i] ?? '')))
        return false;
    }
    return true;
  });
}

export interface ClaimScope {
  negated: boolean;
  attributed: boolean;
}

export function claimScope(
  doc: Doc,
  windows: readonly WindowMatch[],
  marks: readonly (readonly CueMark[] | undefined)[],
  /** Every occurrence of the entry's concepts (a negation inside one is part of the claim). */
  claimWords: readonly ConceptHit[],
): ClaimScope {
  let negated = 0;
  let attributed = 0;
  for (const w of windows) {
    let neg = false;
    let att = false;
    for (const [s, hits] of sentencesOf(w)) {
      const m = marks[s] ?? [];
      neg ||= negatedSentence(
        doc,
        hits,
        m,
        claimWords.filter((h) => h.sentence === s),
      );
      att ||= attributedSentence(doc, hits, m);
    }
    if (neg) negated++;
    if (att) attributed++;
  }
  const half = windows.length / 2;
  return {
    negated: windows.length > 0 && negated >= half,
    attributed: windows.length > 0 && attributed >= half,
  };
}
