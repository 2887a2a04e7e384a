/** The digest as Block Kit (`/claimcheck digest`, the weekly post). Pure; every title made inert. */
import type { Digest } from '../../model/digest.js';
import type { ReplyLang } from '../../model/types.js';
import { type DigestStyle, digestParts } from '../../pipeline/render-digest.js';
import { plainLine, slackText } from '../../text/safe-text.js';
import { esc, link, truncate } from './mrkdwn.js';
import { type Block, context, type SlackMessage, section } from './render-blocks.js';

/** Entries and links per entry that fit a chat message; `claimdesk digest` shows them all. */
const ENTRIES = 10;
const LINKS = 3;

export const SLACK_DIGEST: DigestStyle = {
  text: (s) => slackText(truncate(plainLine(s), 200)),
  own: esc,
  bold: (s) => `*${s}*`,
  code: (s) => `\`${s.replace(/`/g, 'ˋ')}\``,
  link: (url, label) => link(url, truncate(plainLine(label), 150) || url),
  bullet: '        • ',
  indent: '        ',
};

export function renderDigestBlocks(d: Digest, lang: ReplyLang): SlackMessage {
  const parts = digestParts(d, lang, SLACK_DIGEST, { maxEntries: ENTRIES, maxLinks: LINKS });
  const head = truncate([parts.heading, ...parts.summary].join('\n'), 3000);
  const blocks: Block[] = [section(head)];
  if (parts.entries.length > 0) blocks.push({ type: 'divider' });
  for (const e of parts.entries) blocks.push(section(truncate(e, 3000)));
  if (parts.more) blocks.push(context(parts.more));
  return { text: head, blocks };
}
