/**
 * The per-sentence counts the matcher keeps of the stance cues (lang/cue-kinds.ts names the kinds;
 * lang/<id>/cues.yaml lists their terms). Shared by scope.ts and stance.ts.
 */
import type { CueKind } from '../lang/cue-kinds.js';

export type { CueKind };

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
