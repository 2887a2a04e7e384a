/**
 * The ChatTransport on Slack: renders the core's Outgoing as Block Kit and posts it in the thread;
 * the private note for an unsure match goes to the poster only (chat.postEphemeral in the thread).
 * A durable job's reply carries its key as message metadata, and findOwn looks for it in the thread
 * (conversations.replies), so a job run again after a crash does not post twice.
 */
import type { ChatTransport } from '../../conversation/ports.js';
import type { Logger } from '../../model/ports.js';
import { postedFor, postMessage, SAFE_POST, type WebClient } from './post.js';
import { renderReplyBlocks } from './render-blocks.js';
import { renderNotice } from './render-cards.js';
import { renderUnsureBlocks } from './render-unsure.js';

export function slackTransport(client: WebClient, logger?: Logger): ChatTransport {
  return {
    async post(msg, out) {
      const rendered =
        out.kind === 'error'
          ? renderNotice(out.text)
          : renderReplyBlocks(out.reply, {
              // An unsure note is only ever posted with postToUser here; never in full in public.
              mode: out.kind === 'alert' ? 'full' : 'quiet',
              buttons: out.kind === 'alert' ? 'feedback' : 'none',
            });
      const key = out.kind === 'error' ? undefined : out.key;
      const ts = await postMessage(client, msg.channelId, rendered, msg.threadId ?? msg.messageId, key);
      return { id: ts };
    },
    async postToUser(msg, userId, out) {
      const rendered = renderUnsureBlocks(out.reply, out.offer);
      const res = await client.chat.postEphemeral({
        channel: msg.channelId,
        user: userId,
        text: rendered.text,
        blocks: rendered.blocks,
        thread_ts: msg.threadId ?? msg.messageId,
        ...SAFE_POST,
      });
      return { id: typeof res.message_ts === 'string' ? res.message_ts : null, where: 'ephemeral' };
    },
    async findOwn(msg, key) {
      try {
        const raw = await client.conversations.replies({
          channel: msg.channelId,
          ts: msg.threadId ?? msg.messageId,
          include_all_metadata: true,
          limit: 200,
        });
        const mine = postedFor(raw, key);
        return mine ? { id: mine } : null;
      } catch (err) {
        // Cannot tell: post. (The window is a crash between posting and recording, and this lookup failing too.)
        logger?.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'slack: conversations.replies failed',
        );
        return null;
      }
    },
  };
}
