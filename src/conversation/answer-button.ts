/**
 * A "Helpful" / "Wrong match" click on any platform: the vote is stored (with who and when, one per
 * user per alert), ids the catalogue no longer has are dropped, and the person gets one sentence of
 * thanks in the channel's language. The adapter only reads the click and shows the answer.
 */
import type { CheckService } from '../model/check-service.js';
import type { ReplyLang } from '../model/types.js';
import { phrases } from '../lang/phrases/index.js';
import type { FeedbackStore, FeedbackVerdict, FeedbackVote } from '../store/feedback.js';

export interface FeedbackDeps {
  service: Pick<CheckService, 'entry'>;
  feedback: FeedbackStore;
}

export async function answerFeedback(
  vote: FeedbackVote,
  deps: FeedbackDeps,
  lang: ReplyLang = 'en',
): Promise<{ text: string; entryIds: string[] }> {
  const entryIds = vote.entryIds.filter((id) => deps.service.entry(id) !== undefined);
  await deps.feedback.record({ ...vote, entryIds });
  return { text: thanks(vote.verdict, lang), entryIds };
}

export function thanks(verdict: FeedbackVerdict, lang: ReplyLang = 'en'): string {
  return phrases(lang).thanks[verdict];
}
