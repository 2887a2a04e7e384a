/**
 * What the bot says in a channel after checking a message's links: one rule for every platform.
 * Pure.
 * - A link whose article raises an alert: always, in full, with feedback buttons.
 * - A link whose article only reports on or debunks a known narrative: a quiet note, or nothing,
 *   per the workspace setting. A link with no finding: nothing.
 * - A link that could not be read: a short line, or nothing, per the workspace setting.
 * When nothing is left, the bot stays silent.
 */
import type { CheckDetails } from '../model/types.js';
import type { ReplySettings } from './settings.js';

export type ReplyPlan =
  | { kind: 'alert'; details: CheckDetails[] }
  | { kind: 'note'; details: CheckDetails[] }
  | { kind: 'silent'; reason: 'nothing found' | 'reports or debunks' | 'unreadable' };

export function planReply(
  details: readonly CheckDetails[],
  settings: Pick<ReplySettings, 'nonAlertReply' | 'replyOnUnreadable'>,
): ReplyPlan {
  const shown = details.filter((d) => {
    const r = d.result;
    if (r.status === 'error') return settings.replyOnUnreadable;
    if (r.alert) return true;
    return settings.nonAlertReply === 'note' && r.matches.length > 0;
  });
  if (shown.some((d) => d.result.alert)) return { kind: 'alert', details: shown };
  if (shown.length > 0) return { kind: 'note', details: shown };
  if (details.some((d) => d.result.status === 'ok' && d.result.matches.length > 0))
    return { kind: 'silent', reason: 'reports or debunks' };
  if (details.some((d) => d.result.status === 'error')) return { kind: 'silent', reason: 'unreadable' };
  return { kind: 'silent', reason: 'nothing found' };
}
