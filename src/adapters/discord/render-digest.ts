/** The digest as one Discord embed (`/claimcheck digest`, the weekly post). Pure; titles made inert. */
import type { APIEmbed } from 'discord.js';
import type { Digest } from '../../model/digest.js';
import type { ReplyLang } from '../../model/types.js';
import { type DigestStyle, digestParts } from '../../pipeline/render-digest.js';
import { plainLine } from '../../text/safe-text.js';
import { escapeMd, LIMITS, safeUrl, truncate } from './limits.js';

const ENTRIES = 10;
const LINKS = 3;
/** The embed colour of the digest (a calm blue, not the alert's). */
const COLOUR = 0x1f3a5f;

export const DISCORD_DIGEST: DigestStyle = {
  text: (s) => escapeMd(truncate(plainLine(s), 200)),
  own: (s) => s,
  bold: (s) => `**${s}**`,
  code: (s) => `\`${s.replace(/`/g, 'ˋ')}\``,
  link: (url, label) => {
    const safe = safeUrl(url);
    const shown = escapeMd(truncate(plainLine(label), 150) || plainLine(url));
    return safe ? `[${shown}](${safe.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : shown;
  },
  bullet: '  - ',
  indent: '  ',
};

export function renderDigestEmbed(d: Digest, lang: ReplyLang): APIEmbed {
  const parts = digestParts(d, lang, DISCORD_DIGEST, { maxEntries: ENTRIES, maxLinks: LINKS });
  const body = [parts.summary.join('\n'), ...parts.entries, ...(parts.more ? [parts.more] : [])];
  return {
    title: truncate(parts.heading.replace(/\*\*/g, ''), LIMITS.title),
    description: truncate(body.join('\n\n'), LIMITS.description),
    color: COLOUR,
  };
}
