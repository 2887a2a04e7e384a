/**
 * Telegram post links: t.me/<channel>/<id>, t.me/s/<channel>/<id>, telegram.me/…, telegram.dog/…
 * A public post is read through its public web preview (the widget Telegram serves for embedding):
 * https://t.me/<channel>/<id>?embed=1&mode=tme. Links to private channels (t.me/c/…) cannot be read.
 */

export type TelegramLink =
  | { kind: 'post'; channel: string; id: string }
  | { kind: 'private' }
  | { kind: 'other' };

const HOSTS = new Set([
  't.me',
  'www.t.me',
  'telegram.me',
  'www.telegram.me',
  'telegram.dog',
  'www.telegram.dog',
]);
const CHANNEL = /^[A-Za-z][A-Za-z0-9_]{2,31}$/;
const POST_ID = /^\d{1,12}$/;
const RESERVED = new Set([
  's',
  'c',
  'joinchat',
  'addstickers',
  'addemoji',
  'share',
  'proxy',
  'socks',
  'iv',
  'login',
]);

/** What a URL is to Telegram: a public post, a private-channel post, or something else (null: not Telegram). */
export function parseTelegramUrl(raw: string): TelegramLink | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (
    (u.protocol !== 'https:' && u.protocol !== 'http:') ||
    !HOSTS.has(u.hostname.toLowerCase().replace(/\.$/, ''))
  ) {
    return null;
  }
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts[0] === 'c') return { kind: 'private' };
  const [first, second, third] = parts[0] === 's' ? parts.slice(1) : parts;
  if (third !== undefined && !/^\d+$/.test(third)) return { kind: 'other' };
  if (first === undefined || second === undefined || RESERVED.has(first.toLowerCase()))
    return { kind: 'other' };
  // A forum topic link is t.me/<group>/<topic>/<message>: the message is the post.
  const id = third ?? second;
  if (!CHANNEL.test(first) || !POST_ID.test(second) || !POST_ID.test(id)) return { kind: 'other' };
  return { kind: 'post', channel: first, id };
}

/** The canonical public address of a post. */
export function telegramPostUrl(channel: string, id: string): string {
  return `https://t.me/${channel}/${id}`;
}

/** The public web preview of a post; `base` is https://t.me unless a test points it elsewhere. */
export function telegramEmbedUrl(channel: string, id: string, base = 'https://t.me'): string {
  return `${base.replace(/\/+$/, '')}/${channel}/${id}?embed=1&mode=tme`;
}
