import { discordText } from '../../text/safe-text.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer text and author name, over all embeds of a message. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  customId: 100,
  threadName: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Cuts a string to at most `max` UTF-16 units, ending with "…", never splitting a surrogate pair. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Escapes Markdown (and strips bidi and zero-width controls) so text from articles, the catalogue
 * or users cannot format, link, quote or mention inside our messages: see core/safe-text.ts.
 */
export const escapeMd = discordText;

/** Wraps bare http(s) links in <…> so Discord does not unfurl them. */
export function noUnfurl(s: string): string {
  return s.replace(/(^|[^<(])(https?:\/\/[^\s<>]+)/g, (_all, before: string, url: string) => {
    const link = url.replace(/[.,:;!?'")\]]+$/, '');
    return `${before}<${link}>${url.slice(link.length)}`;
  });
}

/** An embed `url` must be an absolute http(s) address; anything else is dropped. */
export function safeUrl(u: string | null): string | undefined {
  if (!u || u.length > 2048) return undefined;
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}
