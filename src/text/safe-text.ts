/**
 * Untrusted text (article titles, evidence quotes, site names, model output, what a user typed)
 * made safe to show in a chat message. Every target first loses the invisible characters that can
 * reorder or hide what a reader sees: bidi embeddings, overrides, isolates and marks (U+202A–202E,
 * U+2066–2069, U+200E/F, U+061C), zero-width characters (U+200B–200D, U+2060, U+FEFF) and C0/C1
 * control characters (tabs and line breaks stay). Then each target's markup is neutralized, so the
 * text cannot format, link, quote or mention anyone inside our message.
 */

const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Removes bidi controls, zero-width characters and control characters; keeps tabs and line breaks. */
export function stripControls(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** For text no client formats (Discord thread names, notification lines): one line, no controls. */
export function plainLine(s: string): string {
  return stripControls(s).replace(/\s+/g, ' ').trim();
}

/**
 * Slack's three control characters (`&`, `<`, `>`): escaped, no `<!channel>`, `<@U…>` or
 * `<url|label>` can be forged. Enough for our own mrkdwn, which may carry intended formatting.
 */
export function slackEscape(s: string): string {
  return stripControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * mrkdwn has no escape for its formatting characters, so untrusted text gets look-alikes that
 * Slack does not read as markup: ∗ for `*`, ˍ for `_`, ∼ for `~`, ˋ for a backtick.
 */
const SLACK_LOOKALIKES: Readonly<Record<string, string>> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

/** Untrusted text inside Slack mrkdwn: no controls, no markup, no links, no mentions or broadcasts. */
export function slackText(s: string): string {
  return slackEscape(s)
    .replace(/[*_~`]/g, (c) => SLACK_LOOKALIKES[c] ?? c)
    .replace(/@(?=(?:channel|here|everyone)\b)/gi, '＠');
}

/**
 * Untrusted text inside Discord markdown: every formatting character backslash-escaped (so
 * `@everyone`, `<@id>`, `[label](url)`, `**`, `||spoilers||` and code stay literal), and the marks
 * that only count at the start of a line (headings, quotes, lists, `-#` subtext) too.
 */
export function discordText(s: string): string {
  return stripControls(s)
    .replace(/([\\`*_~|[\]()<>@])/g, '\\$1')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}
