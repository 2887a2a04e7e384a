/**
 * Slack mrkdwn helpers. Every piece of text that reaches Slack goes through `esc` (our own text:
 * `&`, `<` and `>` escaped, so `<!channel>` or `<@U123>` cannot ping anyone or forge a link) or,
 * when it comes from an article, the catalogue or a user, `slackText` (see core/safe-text.ts: also no
 * bidi or zero-width characters and no formatting).
 */
import { slackEscape, slackText } from '../../text/safe-text.js';

export const esc = slackEscape;

/** Undoes Slack's escaping of `&`, `<`, `>` (how Slack delivers text in events). */
export function unesc(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Cuts text to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not cut an escape sequence such as `&amp;` in half.
  let cut = text.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && amp > cut.length - 5 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  // Nor a `<url|label>` link: drop an unclosed one.
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return `${cut}…`;
}

/**
 * A URL that may go inside `<url|label>`: only http(s), with the characters that would end the
 * link markup (`|`, `<`, `>`, spaces) percent-encoded and `&` escaped. Null for anything else.
 */
export function safeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const href = u.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\s/g, '%20');
  return href.replace(/&/g, '&amp;');
}

/** `<url|label>` when the URL is safe, else the label alone (escaped either way). */
export function link(url: string | null, label: string): string {
  const safe = url ? safeUrl(url) : null;
  const shown = slackText(label.replace(/\s+/g, ' ').trim() || (url ?? ''));
  return safe ? `<${safe}|${shown}>` : shown;
}

/** A quotation as mrkdwn block quote lines, made safe. */
export function quoteLines(quote: string): string {
  return slackText(quote)
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
}

/**
 * A slash command's text as the user typed it. The manifest asks Slack to escape it
 * (`should_escape: true`, so a picked channel arrives as `<#C123|name>`): links arrive as
 * `<https://…>` or `<https://…|label>` and `&`, `<`, `>` as entities. Links become bare URLs again,
 * channel and user references stay (settings read them), and the entities are undone.
 */
export function commandText(raw: string): string {
  const links = raw.replace(/<((?:https?|mailto):[^|>\s]*)(?:\|[^>]*)?>/gi, (_, url: string) => url);
  return unesc(links);
}
