/** The ChatTransport on Discord: renders the core's Outgoing and posts it in a thread on the message. */
import type { Message } from 'discord.js';
import type { ChatTransport } from '../../conversation/ports.js';
import type { Logger } from '../../model/ports.js';
import { phrases } from '../../lang/phrases/index.js';
import { feedbackButtons, missedButton, row } from './components.js';
import { type Outgoing, postReply } from './post-reply.js';
import { renderReplyEmbeds } from './render-embeds.js';
import { alertEntryIds, noteText, threadName } from './reply-policy.js';
import { unsureText } from './unsure-text.js';

export function discordTransport(message: Message, log: Logger): ChatTransport {
  return {
    async post(_msg, out) {
      let rendered: Outgoing;
      let name = 'Link check';
      if (out.kind === 'alert') {
        rendered = {
          ...renderReplyEmbeds(out.reply),
          components: [row(feedbackButtons(alertEntryIds(out.reply)))],
        };
        name = threadName(out.reply);
      } else if (out.kind === 'note') {
        rendered = { content: noteText(out.reply), suppressEmbeds: true };
        name = threadName(out.reply);
      } else if (out.kind === 'unsure') {
        // Discord has no message for one user: the core sends this only when the server wants it here.
        const button = out.offer ? [row([missedButton(out.offer, phrases(out.lang).missed.button)])] : [];
        rendered = { content: unsureText(out.reply), components: button, suppressEmbeds: true };
        name = threadName(out.reply);
      } else {
        rendered = { content: out.text, suppressEmbeds: true };
      }
      const posted = await postReply(message, rendered, name, log);
      return { id: posted.messageId, where: posted.where, channelId: posted.channelId };
    },
  };
}
