/**
 * The private note for an unsure match as Block Kit (pure): only the poster sees it (sent with
 * chat.postEphemeral), it names each entry, its quote and the confidence, and carries the
 * "Missed a narrative?" button. All text escaped, as in render-blocks.ts.
 */
import type { Reply } from '../../model/reply.js';
import { phrases } from '../../lang/phrases/index.js';
import { slackText } from '../../text/safe-text.js';
import { ACTION } from './actions.js';
import { esc, link, quoteLines, truncate } from './mrkdwn.js';
import { type Block, button, context, fitBlocks, type SlackMessage, section } from './render-blocks.js';

export const UNSURE_BLOCK_ID = 'claimdesk_unsure';
const PER_ITEM = 3;

export function renderUnsureBlocks(reply: Reply, offer: string | undefined): SlackMessage {
  const p = phrases(reply.lang);
  const body: Block[] = [section(`*${esc(p.unsure.privateIntro)}*`)];
  const lines: string[] = [p.unsure.privateIntro];
  for (const item of reply.items) {
    const article = link(item.url, truncate(item.title ?? item.url ?? item.input, 150));
    for (const e of item.entries.slice(0, PER_ITEM)) {
      const line = p.unsure.line(e.kind, truncate(e.title, 200), Math.round(e.confidence * 100));
      const quote = e.evidence ? `\n${quoteLines(truncate(e.evidence, 600))}` : '';
      body.push(section(`${article}\n${slackText(line)} · id \`${esc(e.id)}\`${quote}`));
      lines.push(`${line} (${e.id})`);
    }
  }
  body.push(context(esc(p.unsure.ask)));
  const tail: Block[] = offer
    ? [
        {
          type: 'actions',
          block_id: UNSURE_BLOCK_ID,
          elements: [button(ACTION.missed, p.missed.button, offer)],
        },
      ]
    : [];
  tail.push(context(`claimdesk · ${esc(p.label.catalogueVersion(reply.catalogueVersion))}`));
  return { text: truncate(slackText(lines.join('\n')), 3000), blocks: fitBlocks(body, tail, reply.lang) };
}
