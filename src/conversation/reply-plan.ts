/**
 * What the bot says in a channel after checking a message's links: one rule for every platform.
 * Pure.
 * - A link whose article raises an alert: always, in full, with feedback buttons.
 * - No alert, but a link whose article may promote an entry (promotes / unclear) with a confidence
 *   between NOTE_THRESHOLD and the alert threshold: a private note to the poster only ('unsure'),
 *   naming those matches. Never a public alert. Where the platform cannot post to one user
 *   (Discord), the note goes in the thread when the settings say so, else it is left out.
 * - A link whose article only reports on or debunks a known narrative: a quiet note, or nothing,
 *   per the workspace setting. A link with no finding: nothing.
 * - A link that could not be read: a short line, or nothing, per the workspace setting.
 * When nothing is left, the bot stays silent.
 */
import type { CheckDetails, Match } from '../model/types.js';
import type { ReplySettings } from './settings.js';

export type ReplyPlan =
  | { kind: 'alert'; details: CheckDetails[] }
  | { kind: 'note'; details: CheckDetails[] }
  /** The unsure links, each with only its unsure matches: for the poster's eyes. */
  | { kind: 'unsure'; details: CheckDetails[] }
  | {
      kind: 'silent';
      reason: 'nothing found' | 'reports or debunks' | 'unreadable' | 'unsure, no private note here';
    };

export interface PlanOptions {
  /** NOTE_THRESHOLD; absent: no private notes (a match below the alert is treated as today). */
  noteThreshold?: number;
  /**
   * The platform can post to one user (Slack). Where it cannot (Discord), the note goes in the
   * thread only when the settings say `unsureNotes: 'thread'`; otherwise the bot stays silent.
   */
  privateNotes?: boolean;
}

/** A match the bot is unsure of: it may promote the entry, below the alert, at or above the note threshold. */
export function isUnsure(m: Match, noteThreshold: number): boolean {
  return (m.stance === 'promotes' || m.stance === 'unclear') && m.confidence >= noteThreshold;
}

/** The links with an unsure match and no alert, each keeping only its unsure matches. */
export function unsureDetails(details: readonly CheckDetails[], noteThreshold: number): CheckDetails[] {
  return details.flatMap((d) => {
    const r = d.result;
    if (r.status !== 'ok' || r.alert) return [];
    const matches = r.matches.filter((m) => isUnsure(m, noteThreshold));
    return matches.length > 0 ? [{ ...d, result: { ...r, matches } }] : [];
  });
}

export function planReply(
  details: readonly CheckDetails[],
  settings: Pick<ReplySettings, 'nonAlertReply' | 'replyOnUnreadable' | 'unsureNotes'>,
  opts: PlanOptions = {},
): ReplyPlan {
  const shown = details.filter((d) => {
    const r = d.result;
    if (r.status === 'error') return settings.replyOnUnreadable;
    if (r.alert) return true;
    return settings.nonAlertReply === 'note' && r.matches.length > 0;
  });
  if (shown.some((d) => d.result.alert)) return { kind: 'alert', details: shown };
  const unsure = opts.noteThreshold === undefined ? [] : unsureDetails(details, opts.noteThreshold);
  if (unsure.length > 0 && (opts.privateNotes || settings.unsureNotes === 'thread'))
    return { kind: 'unsure', details: unsure };
  // No way to tell the poster alone: as without the note (a quiet note when the settings ask for one).
  if (shown.length > 0) return { kind: 'note', details: shown };
  if (unsure.length > 0) return { kind: 'silent', reason: 'unsure, no private note here' };
  if (details.some((d) => d.result.status === 'ok' && d.result.matches.length > 0))
    return { kind: 'silent', reason: 'reports or debunks' };
  if (details.some((d) => d.result.status === 'error')) return { kind: 'silent', reason: 'unreadable' };
  return { kind: 'silent', reason: 'nothing found' };
}
