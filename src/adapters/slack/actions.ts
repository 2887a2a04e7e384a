/** Action ids of the buttons the bot posts, and the values they carry. Pure. */

export const ACTION = {
  helpful: 'claimdesk_feedback_helpful',
  wrong: 'claimdesk_feedback_wrong',
  share: 'claimdesk_share',
  /** "Missed a narrative?": opens the form (missed-view.ts); its value is an offer key. */
  missed: 'claimdesk_missed',
} as const;

export const FEEDBACK_BLOCK_ID = 'claimdesk_feedback';
export const SHARE_BLOCK_ID = 'claimdesk_share';

/** Slack's limit on a button value. */
const MAX_VALUE = 2000;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_IDS = 20;

/** Catalogue ids as a button value: comma-separated, cut to whole ids that fit. */
export function encodeEntryIds(ids: readonly string[]): string {
  let out = '';
  for (const id of new Set(ids)) {
    const next = out ? `${out},${id}` : id;
    if (next.length > MAX_VALUE) break;
    out = next;
  }
  return out;
}

/** Parses a button value back into catalogue ids; anything that is not an id is dropped. */
export function decodeEntryIds(value: string | undefined): string[] {
  if (!value) return [];
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => ID.test(s));
  return [...new Set(ids)].slice(0, MAX_IDS);
}

const SHARE_KEY = /^[0-9a-f-]{36}$/;

/** The share button carries only the key of the stored reply. */
export function decodeShareKey(value: string | undefined): string | null {
  return value && SHARE_KEY.test(value) ? value : null;
}
