/**
 * Stance: does the article promote, report on, debunk, or say something unclear about an entry?
 *
 * Inputs are the sentences that carry the match (the evidence), the stance cues found in every
 * sentence (lang/<id>/cues.yaml), the sentences that name the claim's subject (a word of one of
 * the entry's concepts), and whether a matched term sits in scare quotes. "Near" means an evidence sentence or
 * the sentence just before or after one. "About the claim" means near, or naming its subject: a
 * refutation or distancing cue anywhere else ("people enjoy fake flowers") concerns something
 * else and counts for nothing, so one stray word cannot switch an alert off.
 *
 *  1. A counter cue near ("this is not fake", "не верьте", "has not denied") → unclear (mixed).
 *  1b. (after 2) A negation scoping over the claim's words in an evidence sentence ("There are no
 *     US biolabs in Kazakhstan", "Пентагон не перевозил…", "биозертханалары жоқ") → debunks.
 *  2. A refutation cue near ("fake", "опровергли", "жалған ақпарат", a sentence opening with
 *     "No," / "Нет," / "Жоқ,"), or an official denial (lang/cue-kinds.ts) in an evidence sentence
 *     itself → debunks.
 *  3. Article level: a refutation in the headline, or refutations in at least
 *     max(2, 8% of the sentences) sentences, the headline and those sentences about the claim
 *     → debunks (unclear if a counter cue occurs anywhere).
 *  4. A distancing cue near ("so-called", "rumours", "Kremlin propaganda", "так называемый") → reports.
 *  5. The claim in scare quotes (at least half the matched words of a window quoted: «центр НАТО»,
 *     'artificial state') → reports, unless the headline is a question that names the claim and
 *     neither refutes nor distances ("…«центр НАТО»: США готовят новую заварушку?"): rhetorical.
 *  6. The claim is the reported speech of a named third party ("Russian media claimed that…",
 *     "Захарова заявила, что…", "деп жазды ресейлік блогер") → reports: the article names who says it,
 *     unless hedges about the claim fill max(2, 8%) sentences with no counter-voice (then 6b).
 *  6b. LAUNDERING (issue 12): a hedge near ("allegedly", "reportedly", "according to Telegram
 *     channels", "якобы", "по информации западных источников", "в Госдуме подняли вопрос",
 *     "делінген"), in the headline or in max(2, 8%) sentences about the claim. A hedge is not
 *     distance: → reports only with a counter-voice in the article (a refutation or distancing about
 *     the claim, or someone responding: "responded", "отреагировал", "прокомментировали"); without
 *     one → promotes, and `why` says so.
 *  7. A distancing cue in the headline, distancing in max(2, 8%) sentences, or a single refutation
 *     anywhere in the article, each about the claim → reports.
 *  8. Otherwise → promotes.
 *
 * `code` says why (a WhyCode); `why` is its English line (lang/phrases/why.ts words it per language).
 * `clarity` (0..1) says how clean the signals are; it scales the match's confidence.
 */
import { whyLine } from '../lang/phrases/why.js';
import type { Stance, WhyCode } from '../model/types.js';
import type { SentenceCues } from './cue-kinds.js';

export interface StanceInput {
  evidence: readonly number[];
  /** Cue counts per sentence, indexed like the document's sentences. */
  cues: readonly SentenceCues[];
  /** Sentences that name the claim's subject: they hold an occurrence of one of its concepts. */
  subject: readonly number[];
  titleSentence: number | null;
  scareQuoted: boolean;
  /** A negation scopes over the claim's words in its evidence sentences (scope.ts). */
  negated?: boolean;
  /** The claim is reported speech of a named third party (scope.ts). */
  attributed?: boolean;
  /** The article's first sentence (its headline) is a question: rhetorical, when it names the claim. */
  questionHeadline?: boolean;
  /** anyCounter(cues), when the caller decides many matches over the same cues. */
  counterAnywhere?: boolean;
}

/** True when some sentence of the article dismisses a denial (the same for every match). */
export function anyCounter(cues: readonly SentenceCues[]): boolean {
  return cues.some((c) => c.counter > 0);
}

export interface StanceResult {
  stance: Stance;
  clarity: number;
  code: WhyCode;
  /** The code's English line. */
  why: string;
}

const ARTICLE_SHARE = 0.08;

function result(stance: Stance, clarity: number, code: WhyCode): StanceResult {
  return { stance, clarity, code, why: whyLine({ code }) };
}

function laundering(counterVoice: boolean): StanceResult {
  return counterVoice ? result('reports', 0.9, 'launderedReported') : result('promotes', 0.9, 'laundered');
}

export function decideStance(input: StanceInput): StanceResult {
  const { cues, evidence, titleSentence } = input;
  const near = new Set<number>();
  for (const s of evidence) for (const n of [s - 1, s, s + 1]) if (n >= 0 && n < cues.length) near.add(n);
  const local = { refute: 0, distance: 0, counter: 0, hedge: 0 };
  for (const s of evidence) {
    const c = cues[s];
    if (c && c.official > 0 && ((c.negation > 0 && c.speech > 0) || c.reply > 0)) local.refute++;
  }
  for (const s of near) {
    const c = cues[s];
    if (!c) continue;
    local.refute += c.refute;
    local.distance += c.distance;
    local.counter += c.counter;
    local.hedge += c.hedge;
  }
  const about = new Set(near);
  for (const s of input.subject) if (s >= 0 && s < cues.length) about.add(s);
  let refuteSentences = 0;
  let distanceSentences = 0;
  let hedgeSentences = 0;
  for (const s of about) {
    if ((cues[s]?.refute ?? 0) > 0) refuteSentences++;
    if ((cues[s]?.distance ?? 0) > 0) distanceSentences++;
    if ((cues[s]?.hedge ?? 0) > 0) hedgeSentences++;
  }
  const counterAnywhere = input.counterAnywhere ?? anyCounter(cues);
  const title = titleSentence === null || !about.has(titleSentence) ? undefined : cues[titleSentence];
  const many = Math.max(2, Math.ceil(ARTICLE_SHARE * cues.length));
  const responded = cues.some((c) => c.response > 0);
  const counterVoice = refuteSentences > 0 || distanceSentences > 0 || responded;

  if (local.counter > 0) return result('unclear', 0.85, 'counter');
  if (local.refute > 0) return result('debunks', local.distance > 0 ? 1 : 0.95, 'refuted');
  if (input.negated) return result('debunks', 0.8, 'negated');
  if ((title && title.refute > 0) || refuteSentences >= many) {
    return counterAnywhere ? result('unclear', 0.85, 'counter') : result('debunks', 0.85, 'refutedArticle');
  }
  if (local.distance > 0) return result('reports', 0.9, 'distance');
  // «центр НАТО»: США планирует…? — quotation marks under a rhetorical headline are no distance.
  const head = cues[0];
  const rhetorical =
    input.questionHeadline === true &&
    about.has(0) &&
    head !== undefined &&
    head.refute + head.distance === 0;
  if (input.scareQuoted && !rhetorical) return result('reports', 0.8, 'quoted');
  // A named speaker is reported, unless the article piles hedged sources on top with no counter-voice.
  const piled = hedgeSentences >= many && !counterVoice;
  if (input.attributed && !piled) return result('reports', 0.9, 'attributed');
  const hedged = local.hedge > 0 || (title !== undefined && title.hedge > 0) || hedgeSentences >= many;
  if (hedged) return laundering(counterVoice);
  if ((title && title.distance > 0) || distanceSentences >= many || refuteSentences > 0) {
    return result('reports', 0.75, 'reportedArticle');
  }
  return result('promotes', distanceSentences > 0 || counterAnywhere ? 0.9 : 1, 'own');
}
