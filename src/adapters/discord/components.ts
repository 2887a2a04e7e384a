/**
 * Buttons under replies and their custom ids (at most 100 characters, parsed, never trusted):
 *   cd:fb:helpful:<id>,<id>…   "Helpful"      (feedback on the alert, carrying the catalogue ids)
 *   cd:fb:wrong:<id>,<id>…     "Wrong match"
 *   cd:share                   "Share in channel" (under ephemeral /claimcheck answers)
 *   cd:missed:<offer key>      "Missed a narrative?" (opens the form: missed.ts)
 */
import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { FeedbackVerdict } from '../../store/feedback.js';
import { LIMITS } from './limits.js';

export const FEEDBACK_PREFIX = 'cd:fb:';
export const SHARE_ID = 'cd:share';
const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The custom id for a feedback button: as many entry ids as fit in 100 characters, in order. */
export function feedbackCustomId(verdict: FeedbackVerdict, entryIds: readonly string[]): string {
  let id = `${FEEDBACK_PREFIX}${verdict}:`;
  let first = true;
  for (const e of entryIds) {
    if (!ID_RE.test(e)) continue;
    const next = `${id}${first ? '' : ','}${e}`;
    if (next.length > LIMITS.customId) break;
    id = next;
    first = false;
  }
  return id;
}

export function parseFeedbackId(customId: string): { verdict: FeedbackVerdict; entryIds: string[] } | null {
  const m = /^cd:fb:(helpful|wrong):([a-z0-9,-]*)$/.exec(customId);
  if (!m) return null;
  const verdict: FeedbackVerdict = m[1] === 'helpful' ? 'helpful' : 'wrong';
  const entryIds = (m[2] ?? '').split(',').filter((e) => ID_RE.test(e));
  return { verdict, entryIds };
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Success | ButtonStyle.Danger | ButtonStyle.Secondary,
) {
  return { type: ComponentType.Button, custom_id: customId, label, style } satisfies APIButtonComponent;
}

export function feedbackButtons(entryIds: readonly string[]): APIButtonComponent[] {
  return [
    button(feedbackCustomId('helpful', entryIds), 'Helpful', ButtonStyle.Success),
    button(feedbackCustomId('wrong', entryIds), 'Wrong match', ButtonStyle.Danger),
  ];
}

export function shareButton(): APIButtonComponent {
  return button(SHARE_ID, 'Share in channel', ButtonStyle.Secondary);
}

export const MISSED_PREFIX = 'cd:missed:';

export function missedButton(offer: string, label: string): APIButtonComponent {
  return button(`${MISSED_PREFIX}${offer}`, label, ButtonStyle.Secondary);
}

/** The offer key of a "Missed a narrative?" button ('' when it carries none), or null for other buttons. */
export function parseMissedId(customId: string): string | null {
  const m = /^cd:missed:([0-9a-f-]{0,36})$/.exec(customId);
  return m ? (m[1] ?? '') : null;
}

export function row(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: buttons.slice(0, 5) };
}
