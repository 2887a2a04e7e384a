/**
 * The ChatTransport on Discord: renders the core's Outgoing and posts it in a thread on the message.
 * A durable job's reply carries the job's reference (reply-ref.ts), and findOwn looks for it among
 * the bot's messages after the message (its thread, or the channel for in-place replies), so a job
 * run again after a crash between posting and recording does not post twice.
 */
import type { Message } from 'discord.js';
import type { ChatTransport } from '../../conversation/ports.js';
import type { Logger } from '../../model/ports.js';
import { phrases } from '../../lang/phrases/index.js';
import { feedbackButtons, missedButton, row } from './components.js';
import { errorInfo } from './error-info.js';
import { type Outgoing, postReply } from './post-reply.js';
import { renderReplyEmbeds } from './render-embeds.js';
import { carriesRef, replyRef, withRef } from './reply-ref.js';
import { alertEntryIds, noteText, threadName } from './reply-policy.js';
import { unsureText } from './unsure-text.js';

/** How many of the bot's possible replies are looked through, per place (Discord's page size). */
const LOOK_BACK = 100;

type Place = { id: string; messages: Message['channel']['messages'] };

/** Where a reply to this message can be: its thread (a thread's id is its starter message's), and the channel. */
async function placesOf(message: Message): Promise<Place[]> {
  if (message.channel.isThread()) return [message.channel];
  const places: Place[] = [];
  const thread =
    message.thread ?? (message.hasThread ? await message.client.channels.fetch(message.id) : null);
  if (thread?.isTextBased()) places.push(thread);
  places.push(message.channel);
  return places;
}

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
      const ref = out.kind !== 'error' && out.key ? replyRef(out.key) : null;
      const posted = await postReply(message, ref ? withRef(rendered, ref) : rendered, name, log);
      return { id: posted.messageId, where: posted.where, channelId: posted.channelId };
    },
    async findOwn(_msg, key) {
      const ref = replyRef(key);
      const me = message.client.user?.id;
      try {
        for (const place of await placesOf(message)) {
          const recent = await place.messages.fetch({ after: message.id, limit: LOOK_BACK });
          const mine = recent.find((m) => m.author.id === me && carriesRef(m, ref));
          if (mine) {
            log.info({ ref, replyId: mine.id, in: place.id }, 'found the reply of an earlier try');
            return { id: mine.id, where: place.id === message.channelId ? 'in-place' : 'thread' };
          }
        }
        return null;
      } catch (err) {
        // Cannot tell: post. (The window is a crash between posting and recording, and this lookup failing too.)
        log.warn({ ref, ...errorInfo(err) }, 'could not look for an earlier reply; posting');
        return null;
      }
    },
  };
}
