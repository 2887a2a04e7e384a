/**
 * The note for an unsure match as a Discord message (pure). Discord cannot show a channel message
 * to one user, so this is posted in the thread only when the server asks for it
 * (`/claimcheck settings discord-notes thread`): it names each entry, its quote and the
 * confidence, with the "Missed a narrative?" button. Everything escaped; links do not unfurl.
 */
import type { Reply } from '../../model/reply.js';
import { phrases } from '../../lang/phrases/index.js';
import { escapeMd, LIMITS, noUnfurl, truncate } from './limits.js';

const PER_ITEM = 3;

export function unsureText(reply: Reply): string {
  const p = phrases(reply.lang).unsure;
  const lines = [`**${escapeMd(p.threadIntro)}**`];
  for (const item of reply.items) {
    if (reply.items.length > 1) lines.push(escapeMd(truncate(item.title ?? item.url ?? item.input, 200)));
    for (const e of item.entries.slice(0, PER_ITEM)) {
      const line = p.line(e.kind, truncate(e.title, 200), Math.round(e.confidence * 100));
      lines.push(`- ${escapeMd(line)} · \`${e.id}\``);
      if (e.evidence) lines.push(`> ${escapeMd(truncate(e.evidence.replace(/\s+/g, ' '), 500))}`);
    }
  }
  lines.push(`-# ${escapeMd(p.ask)}`);
  return truncate(noUnfurl(lines.join('\n')), LIMITS.content);
}
