/**
 * Once-markers: one reply per (platform, workspace, channel, message, link set), however often the
 * platform delivers the event (Slack retries, gateway replays, edits, several replicas on one
 * store). An edit that adds a link makes a new link set, so it is checked; a re-delivery, or an
 * edit that adds nothing, finds its marker and is answered by silence.
 */
import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../model/ports.js';
import type { ChatMessage } from '../model/types.js';

/** Messages can be edited long after they were posted; a marker outlives any plausible replay. */
export const ONCE_TTL_MS = 30 * 24 * 3_600_000;

export function onceKey(
  msg: Pick<ChatMessage, 'platform' | 'teamId' | 'channelId' | 'messageId'>,
  links: readonly string[],
): string {
  const hash = createHash('sha256')
    .update([...links].sort().join('\n'))
    .digest('hex')
    .slice(0, 24);
  return `reply:${msg.platform}:${msg.teamId ?? '-'}:${msg.channelId}:${msg.messageId}:${hash}`;
}

export interface OnceMarker {
  key: string;
  release(): Promise<void>;
}

/** Claims the marker atomically: null when another delivery already has it. */
export async function claimOnce(
  store: KeyValueStore,
  msg: ChatMessage,
  links: readonly string[],
  at: Date,
): Promise<OnceMarker | null> {
  const key = onceKey(msg, links);
  if (!(await store.setIfAbsent(key, { at: at.toISOString() }, ONCE_TTL_MS))) return null;
  return { key, release: () => store.delete(key) };
}
