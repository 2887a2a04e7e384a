/** The ChatTransport on Slack: renders the core's Outgoing as Block Kit and posts it in the thread. */
import type { ChatTransport } from '../../conversation/ports.js';
import { type WebClient, postMessage } from './post.js';
import { renderReplyBlocks } from './render-blocks.js';
import { renderNotice } from './render-cards.js';

export function slackTransport(client: WebClient): ChatTransport {
  return {
    async post(msg, out) {
      const rendered =
        out.kind === 'error'
          ? renderNotice(out.text)
          : renderReplyBlocks(out.reply, {
              mode: out.kind === 'alert' ? 'full' : 'quiet',
              buttons: out.kind === 'alert' ? 'feedback' : 'none',
            });
      const ts = await postMessage(client, msg.channelId, rendered, msg.threadId ?? msg.messageId);
      return { id: ts };
    },
  };
}
