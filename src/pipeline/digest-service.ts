/**
 * The digest of the last N days, for every surface that shows one: `claimdesk digest`,
 * `GET /api/digest`, `/claimcheck digest` and the weekly post. Reads the check history and the
 * feedback votes of the window (the last `days` UTC calendar days, today included), of one
 * workspace or guild when asked.
 */
import type { Catalogue } from '../model/catalogue.js';
import type { Digest } from '../model/digest.js';
import type { HistoryStore } from '../model/history.js';
import type { ReplyLang } from '../model/types.js';
import type { FeedbackStore } from '../store/feedback.js';
import { buildDigest } from './digest.js';

export const DIGEST_DEFAULT_DAYS = 7;
/** The longest window asked for; history older than HISTORY_DAYS is gone anyway. */
export const DIGEST_MAX_DAYS = 366;
const DAY_MS = 24 * 3_600_000;

/** What the digest reads; an App has all of it (`digestFor(app, …)`). */
export interface DigestDeps {
  history: Pick<HistoryStore, 'list'>;
  feedback: Pick<FeedbackStore, 'counts'>;
  /** The catalogue in use, for the entries' titles. */
  readonly catalogue: Catalogue;
  config: { readonly alertThreshold: number };
}

export interface DigestRequest {
  /** Whole days, 1 to DIGEST_MAX_DAYS (see parseDigestDays). */
  days: number;
  /** One Slack workspace or Discord guild; absent: every check. */
  teamId?: string;
  /** The end of the window (exclusive); the system clock when absent. */
  now?: Date;
  /** The language of entry titles; English when absent. */
  lang?: ReplyLang;
}

/**
 * The days of a digest as a person typed them (`--days 7`, `?days=7`, `/claimcheck digest 7`):
 * the default when absent or empty, else a whole number from 1 to DIGEST_MAX_DAYS.
 */
export function parseDigestDays(raw: string | null | undefined): { days: number } | { error: string } {
  const t = raw?.trim() ?? '';
  if (t === '') return { days: DIGEST_DEFAULT_DAYS };
  if (!/^\d{1,4}$/.test(t) || Number(t) < 1 || Number(t) > DIGEST_MAX_DAYS)
    return { error: `days must be a whole number from 1 to ${DIGEST_MAX_DAYS}, got "${t.slice(0, 20)}"` };
  return { days: Number(t) };
}

/**
 * The window of a digest: the last `days` UTC calendar days, today (up to and including `now`)
 * among them, so a digest's days are the chart's days. [from, to) with to = now + 1 ms.
 */
export function digestWindow(days: number, now: Date): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(today - (days - 1) * DAY_MS), to: new Date(now.getTime() + 1) };
}

export async function digestFor(deps: DigestDeps, req: DigestRequest): Promise<Digest> {
  if (!Number.isInteger(req.days) || req.days < 1 || req.days > DIGEST_MAX_DAYS)
    throw new RangeError(`days must be a whole number from 1 to ${DIGEST_MAX_DAYS}, got ${req.days}`);
  const { from, to } = digestWindow(req.days, req.now ?? new Date());
  const team = req.teamId === undefined ? {} : { teamId: req.teamId };
  const catalogue = deps.catalogue;
  const [records, feedback] = await Promise.all([
    deps.history.list({ from, to, ...team }),
    deps.feedback.counts({ from, to, ...team }),
  ]);
  return buildDigest({
    records,
    catalogue,
    feedback,
    from,
    to,
    alertThreshold: deps.config.alertThreshold,
    ...(req.lang ? { lang: req.lang } : {}),
  });
}

/** How the chat core asks for a digest (an App gives `(r) => digestFor(app, r)`). */
export type DigestSource = (req: DigestRequest) => Promise<Digest>;
