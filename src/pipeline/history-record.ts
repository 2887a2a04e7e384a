/** Turns one check's details into the history record the editors' view keeps (ids only, no text). */
import { randomUUID } from 'node:crypto';
import { isAlert } from '../model/alert.js';
import type { CheckOutcome, CheckRecord, Surface } from '../model/history.js';
import type { CheckDetails } from '../model/types.js';

export interface RecordContext {
  surface: Surface;
  teamId?: string | null;
  channelId?: string | null;
  catalogueVersion: string;
  /** The alert rule's threshold; absent: the result's own `alert` (decided with the configured one). */
  alertThreshold?: number;
  /** The caller's outcome when it knows better (e.g. 'note' when a quiet or private note was posted). */
  outcome?: CheckOutcome;
  /** Defaults to a random UUID; a durable job passes a stable id so a re-run records once. */
  id?: string;
  at?: Date;
}

/** unreadable when the check failed, alert when it would warn, else the caller's outcome or silent. */
export function outcomeOf(
  d: CheckDetails,
  threshold: number | undefined,
  posted?: CheckOutcome,
): CheckOutcome {
  if (d.result.error) return 'unreadable';
  if (threshold === undefined ? d.result.alert : isAlert(d.result.matches, threshold)) return 'alert';
  return posted === 'note' ? 'note' : 'silent';
}

export function toCheckRecord(d: CheckDetails, ctx: RecordContext): CheckRecord {
  return {
    id: ctx.id ?? randomUUID(),
    at: (ctx.at ?? new Date()).toISOString(),
    surface: ctx.surface,
    teamId: ctx.teamId ?? null,
    channelId: ctx.channelId ?? null,
    url: d.result.url ?? (/^https?:\/\//i.test(d.result.input) ? d.result.input : null),
    title: d.result.title,
    outcome: outcomeOf(d, ctx.alertThreshold, ctx.outcome),
    errorCode: d.result.error?.code ?? null,
    entries: d.result.matches.map((m) => ({ id: m.id, stance: m.stance, confidence: m.confidence })),
    catalogueVersion: ctx.catalogueVersion,
  };
}
