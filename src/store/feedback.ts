/** Feedback on alerts ("Helpful" / "Wrong match"), stored with who and when; one vote per user per alert. */
import type { Clock, KeyValueStore } from '../model/ports.js';
import { systemClock } from '../model/ports.js';

export type FeedbackVerdict = 'helpful' | 'wrong';

export interface FeedbackVote {
  platform: 'slack' | 'discord' | 'http';
  teamId: string | null;
  channelId: string;
  /** The bot's reply message the buttons were under. */
  messageId: string;
  /** Catalogue ids the alert named. */
  entryIds: string[];
  verdict: FeedbackVerdict;
  userId: string;
}

export interface FeedbackSummary {
  total: { helpful: number; wrong: number };
  byEntry: Record<string, { helpful: number; wrong: number }>;
  recent: Array<FeedbackVote & { at: string }>;
}

export interface FeedbackWindow {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Only votes from this workspace or guild (null: votes with no team, such as the page's). */
  teamId?: string | null;
}

const INDEX_KEY = 'feedback:index';
const YEAR_MS = 365 * 24 * 3_600_000;

export class FeedbackStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Records a vote; a user's later vote on the same alert replaces the earlier one. */
  async record(vote: FeedbackVote): Promise<void> {
    const key = `feedback:vote:${vote.platform}:${vote.channelId}:${vote.messageId}:${vote.userId}`;
    await this.store.set(key, { ...vote, at: this.clock.now().toISOString() }, YEAR_MS);
    const index = (await this.store.get<string[]>(INDEX_KEY)) ?? [];
    if (!index.includes(key)) {
      index.push(key);
      await this.store.set(INDEX_KEY, index.slice(-10_000), YEAR_MS);
    }
  }

  /** Every vote still kept, in the order they were first cast (claims suggest reads them). */
  async votes(): Promise<Array<FeedbackVote & { at: string }>> {
    const index = (await this.store.get<string[]>(INDEX_KEY)) ?? [];
    const votes: Array<FeedbackVote & { at: string }> = [];
    for (const key of index) {
      const v = await this.store.get<FeedbackVote & { at: string }>(key);
      if (v) votes.push(v);
    }
    return votes;
  }

  /**
   * The votes cast in [from, to) (a changed vote counts at the time of the change), of one
   * workspace or guild when `teamId` is given: the digest's feedback.
   */
  async counts(q: FeedbackWindow): Promise<{ helpful: number; wrong: number }> {
    const from = q.from.getTime();
    const to = q.to.getTime();
    const out = { helpful: 0, wrong: 0 };
    for (const v of await this.votes()) {
      const at = Date.parse(v.at);
      if (!(at >= from && at < to)) continue;
      if (q.teamId !== undefined && v.teamId !== q.teamId) continue;
      out[v.verdict] += 1;
    }
    return out;
  }

  async summary(recentLimit = 20): Promise<FeedbackSummary> {
    const votes = await this.votes();
    const total = { helpful: 0, wrong: 0 };
    const byEntry: FeedbackSummary['byEntry'] = {};
    for (const v of votes) {
      total[v.verdict] += 1;
      for (const id of v.entryIds) {
        byEntry[id] ??= { helpful: 0, wrong: 0 };
        byEntry[id][v.verdict] += 1;
      }
    }
    votes.sort((a, b) => b.at.localeCompare(a.at));
    return { total, byEntry, recent: votes.slice(0, recentLimit) };
  }
}
