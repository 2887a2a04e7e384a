/** Posting through the Web API: never unfurl, never link names; errors go to the caller's boundary. */
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { SlackMessage } from './render-blocks.js';

export type WebClient = webApi.WebClient;

/** Link previews would show the article's own (possibly false) headline and image under our reply. */
export const SAFE_POST = { unfurl_links: false, unfurl_media: false, link_names: false } as const;

/** Message metadata that marks a reply as a durable job's, so a later try can find it in the thread. */
export const REPLY_EVENT_TYPE = 'claimdesk_reply';

const listed = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .default([]),
});

/**
 * The ts of the message that postMessage posted for `jobKey`, in a conversations.replies or
 * conversations.history answer (read with include_all_metadata); undefined when none is there.
 */
export function postedFor(raw: unknown, jobKey: string): string | undefined {
  return listed
    .parse(raw)
    .messages.find(
      (m) => m.metadata?.event_type === REPLY_EVENT_TYPE && m.metadata.event_payload?.key === jobKey,
    )?.ts;
}

export async function postMessage(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  threadTs: string | null,
  jobKey?: string,
): Promise<string | null> {
  const res = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(jobKey ? { metadata: { event_type: REPLY_EVENT_TYPE, event_payload: { key: jobKey } } } : {}),
    ...SAFE_POST,
  });
  return typeof res.ts === 'string' ? res.ts : null;
}

/** Web API errors that mean "the bot cannot post in this channel" (not invited, private, archived). */
export function cannotPostHere(err: unknown): boolean {
  const data = err !== null && typeof err === 'object' && 'data' in err ? err.data : null;
  const code = data !== null && typeof data === 'object' && 'error' in data ? data.error : null;
  return code === 'not_in_channel' || code === 'channel_not_found' || code === 'is_archived';
}
