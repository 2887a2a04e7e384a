/**
 * The digest for the HTTP surfaces (GET /api/digest and the desk), from the check history and the
 * feedback votes. Small on purpose: the pipeline's digest service replaces it.
 */
import type { App } from '../../app.js';
import type { Digest } from '../../model/digest.js';
import { buildDigest } from '../../pipeline/digest.js';

const DAY_MS = 86_400_000;

export interface DigestQuery {
  days: number;
  teamId?: string;
  now?: Date;
}

/** The last `days` UTC calendar days, today (up to `now`) included. */
export function digestWindow(days: number, now: Date): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(today - (days - 1) * DAY_MS), to: new Date(now.getTime() + 1) };
}

export async function digestOf(app: App, q: DigestQuery): Promise<Digest> {
  const { from, to } = digestWindow(q.days, q.now ?? new Date());
  const team = q.teamId !== undefined ? { teamId: q.teamId } : {};
  const records = await app.history.list({ from, to, ...team });
  const votes = (await app.feedback.summary(Number.MAX_SAFE_INTEGER)).recent.filter((v) => {
    const t = Date.parse(v.at);
    return t >= from.getTime() && t < to.getTime() && (q.teamId === undefined || v.teamId === q.teamId);
  });
  const feedback = {
    helpful: votes.filter((v) => v.verdict === 'helpful').length,
    wrong: votes.filter((v) => v.verdict === 'wrong').length,
  };
  return buildDigest({ records, catalogue: app.catalogue, feedback, from, to });
}
