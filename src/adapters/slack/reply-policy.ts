/**
 * What the bot says in a channel after checking a message's links. Pure.
 * - A link whose article raises an alert: always, in full, with feedback buttons.
 * - A link whose article only reports on or debunks a known narrative: a quiet note, or nothing,
 *   per the workspace setting. A link with no finding: nothing.
 * - A link that could not be read: a short line, or nothing, per the workspace setting.
 * When nothing is left, the bot stays silent.
 */
import type { CheckDetails } from '../../core/types.js';
import type { WorkspaceSettings } from './settings.js';

export interface ChannelReplyPlan {
  /** The results to show, in the order of the links. */
  details: CheckDetails[];
  mode: 'full' | 'quiet';
}

export function planChannelReply(
  details: readonly CheckDetails[],
  settings: WorkspaceSettings,
): ChannelReplyPlan | null {
  const shown = details.filter((d) => {
    const r = d.result;
    if (r.status === 'error') return settings.replyOnUnreadable;
    if (r.alert) return true;
    return settings.nonAlertReply === 'note' && r.matches.length > 0;
  });
  if (shown.length === 0) return null;
  return { details: shown, mode: shown.some((d) => d.result.alert) ? 'full' : 'quiet' };
}
