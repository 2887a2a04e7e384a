/**
 * The kinds of stance cue: the keys of every lang/<id>/cues.yaml. Their terms are data; what each
 * kind does is code (match/stance.ts, match/scope.ts), so the list of kinds lives here.
 *
 * - refute: the text says the claim is false ("fake", "denied", "no evidence").
 * - distance: the author keeps the claim at arm's length or calls it what it is ("so-called",
 *   "rumours", "Kremlin propaganda", "needs verification"). A counter-voice: with it, an attributed
 *   claim is `reports`.
 * - hedge: attribution and hedges that launder a claim ("allegedly", "according to Telegram
 *   channels", "Western sources say"). NOT distance (issue 12): a hedged or attributed claim with no
 *   counter-voice in the article promotes it.
 * - response: someone answered the claim ("responded", "what really happened"): a counter-voice
 *   anywhere in the article. Plain speech verbs are no cue on their own (promoting posts cite
 *   sources too); they count only as attribution (below).
 * - counter: the text dismisses a denial or insists the claim is true ("this is not fake", "has not
 *   denied"). Mixed signals: the stance becomes `unclear`, which still alerts. A bare "don't believe"
 *   is no counter cue ("don't believe the rumours" is a refutation).
 * - idiom: negations that deny nothing ("did not hesitate", "not only", "no secret"); a negation
 *   inside one is ignored.
 * - source, says, saysThat: attribution to a named third party. source: "Russian media", "Putin";
 *   says: speech verbs ("said", "wrote"); saysThat: a verb introducing a clause ("wrote that").
 *   saysAbove: a sentence opening "This was stated by…" attributes the sentence before it.
 * - official, negation, speech, reply: an official denial is a state body or official of Kazakhstan
 *   (official) in a sentence that carries the match, with either a negation and a speech verb ("said
 *   … did not") or a reply or rejection ("responded", "unacceptable"). Apart, these mean nothing.
 *   The Russian ambassador is deliberately not an official: his statements are the claims.
 */

export const CUE_KINDS = [
  'refute',
  'distance',
  'hedge',
  'response',
  'counter',
  'official',
  'negation',
  'speech',
  'reply',
  'idiom',
  'source',
  'says',
  'saysThat',
  'saysAbove',
] as const;

export type CueKind = (typeof CUE_KINDS)[number];
