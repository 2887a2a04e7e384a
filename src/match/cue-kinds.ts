/**
 * The kinds of stance cue (cues.ts lists their terms) and the per-sentence counts the matcher keeps
 * of them. Shared by cues.ts, scope.ts and stance.ts, so none of them imports another.
 */

export type CueKind =
  | 'refute'
  | 'distance'
  | 'hedge'
  | 'response'
  | 'counter'
  | 'official'
  | 'negation'
  | 'speech'
  | 'reply'
  | 'idiom'
  | 'source'
  | 'says'
  | 'saysThat'
  | 'saysAbove';

export type SentenceCues = Record<CueKind, number>;

/** A sentence with no cue at all. */
export function emptyCues(): SentenceCues {
  return {
    refute: 0,
    distance: 0,
    hedge: 0,
    response: 0,
    counter: 0,
    official: 0,
    negation: 0,
    speech: 0,
    reply: 0,
    idiom: 0,
    source: 0,
    says: 0,
    saysThat: 0,
    saysAbove: 0,
  };
}
