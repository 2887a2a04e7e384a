/**
 * A Telegram post from its public web preview (the embed widget): the post text
 * (.tgme_widget_message_text), the channel name (.tgme_widget_message_owner_name) and the date
 * (.tgme_widget_message_date time[datetime]). A quoted reply and link previews belong to other
 * messages and pages, so they are left out of the text.
 */
import type { Article } from '../model/types.js';
import { detectLanguage } from '../lang/detect.js';
import { all, attr, parseDocument, textOf } from './dom.js';
import { textOfDom } from './dom-text.js';
import { fail } from './fetch-errors.js';
import { isoDate } from './page-metadata.js';
import { telegramPostUrl } from '../links/telegram-url.js';

const NOT_POST = [
  '.tgme_widget_message_reply',
  '.tgme_widget_message_link_preview',
  '.tgme_widget_message_footer',
  '.tgme_widget_message_inline_keyboard',
  '.tgme_widget_message_reactions',
].join(',');

function titleFrom(text: string): string {
  const first = (text.split('\n')[0] ?? '').trim();
  return first.length <= 120 ? first : `${first.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

export function extractTelegramPost(html: string, channel: string, id: string): Article {
  const doc = parseDocument(html);
  const error = textOf(doc.querySelector('.tgme_widget_message_error'));
  if (error !== null) throw /private/i.test(error) ? fail.telegramPrivate() : fail.telegramMissing();
  const root = doc.querySelector('.tgme_widget_message');
  if (root === null) throw fail.telegramNoPreview();

  const publishedAt = isoDate(
    attr(root, '.tgme_widget_message_date time[datetime]', 'datetime') ??
      attr(root, '.tgme_widget_message_footer time[datetime]', 'datetime'),
  );
  const owner =
    textOf(root.querySelector('.tgme_widget_message_author .tgme_widget_message_owner_name')) ??
    textOf(root.querySelector('.tgme_widget_message_owner_name'));
  const forwarded = textOf(root.querySelector('.tgme_widget_message_forwarded_from_name'));

  for (const el of all(root, NOT_POST)) el.remove();
  const textEl =
    root.querySelector('.tgme_widget_message_text') ??
    root.querySelector('.tgme_widget_message_poll_question');
  const text = textEl ? textOfDom(textEl) : '';
  if (text.trim() === '') throw fail.telegramNoText();

  const name = owner ?? channel;
  return {
    url: telegramPostUrl(channel, id),
    canonicalUrl: telegramPostUrl(channel, id),
    title: titleFrom(text),
    byline: forwarded ? `${name} (forwarded from ${forwarded})` : name,
    siteName: 'Telegram',
    publishedAt,
    language: detectLanguage(text, null),
    text,
    source: 'telegram',
  };
}
