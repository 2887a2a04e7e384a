/**
 * Reply → Block Kit, with a plain-text fallback. Pure. Every text from an article or the catalogue
 * goes through slackText (core/safe-text.ts: no bidi or zero-width controls, no markup) and every mrkdwn object is `verbatim`, so Slack never turns words
 * into mentions or links on its own. Sizes stay within Slack's limits (50 blocks, 3,000 characters
 * per text, 2,000 per button value).
 */
import type { types } from '@slack/bolt';
import type { ReplyLang } from '../../pipeline/entry-card.js';
import type { Reply, ReplyDenial, ReplyEntry, ReplyItem } from '../../model/reply.js';
import { phrases } from '../../lang/phrases/index.js';
import { renderText } from '../../pipeline/render-text.js';
import { slackText } from '../../text/safe-text.js';
import { ACTION, encodeEntryIds, FEEDBACK_BLOCK_ID, SHARE_BLOCK_ID } from './actions.js';
import { esc, link, quoteLines, truncate } from './mrkdwn.js';

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Plain-text fallback (notifications, screen readers, old clients). */
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** full: everything; quiet: one small line per link (for articles that raise no alert). */
  mode: 'full' | 'quiet';
  /** Buttons under the reply: feedback under an alert, share under an ephemeral /claimcheck answer. */
  buttons: 'feedback' | 'share' | 'none';
  /** The value of the share button (the key of the stored reply). */
  shareValue?: string;
  /** With the share button: a "Missed a narrative?" button carrying this offer key. */
  missedValue?: string;
}

const MAX_BLOCKS = 50;
const MAX_TEXT = 3000;
const MAX_FALLBACK = 3000;
const ENTRIES_PER_ITEM = 3;

export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, MAX_TEXT), verbatim: true };
}

export function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text) };
}

export function context(...texts: string[]): Block {
  return { type: 'context', elements: texts.slice(0, 10).map(mrkdwn) };
}

export function button(
  actionId: string,
  label: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label, emoji: false },
    value,
    ...(style ? { style } : {}),
  };
}

function denialLine(d: ReplyDenial): string {
  const via = d.via ? `, ${d.via}` : '';
  const line = `• ${link(d.url, truncate(d.who, 200))} — ${d.type}, ${slackText(d.date)}${slackText(via)}`;
  return d.quote ? `${line}\n    “${slackText(truncate(d.quote, 300))}”` : line;
}

/** Who denied it, when, with a link and a short quote; or why there is no official denial. */
export function denialSection(
  denials: readonly ReplyDenial[],
  noOfficialDenial: string | null,
  lang: ReplyLang = 'en',
): Block | null {
  const p = phrases(lang).label;
  const lines = denials.slice(0, 3).map(denialLine);
  if (noOfficialDenial) lines.push(`• ${p.noOfficialDenial}: ${slackText(truncate(noOfficialDenial, 300))}`);
  return lines.length ? section(`*${p.denials}*\n${lines.join('\n')}`) : null;
}

function entryBlocks(e: ReplyEntry, lang: ReplyLang): Block[] {
  const p = phrases(lang);
  const head = [
    `*${slackText(truncate(e.title, 200))}* · ${p.kind[e.kind]}, ${p.label.rated(`*${slackText(e.rating)}*`)}`,
  ];
  if (e.parent) head.push(`_${slackText(p.label.partOf(truncate(e.parent.title, 200)))}_`);
  head.push(slackText(truncate(e.context, 900)));
  const blocks: Block[] = [section(head.join('\n'))];
  if (e.evidence) blocks.push(section(`*${p.label.evidence}*\n${quoteLines(truncate(e.evidence, 600))}`));
  const denials = denialSection(e.denials, e.noOfficialDenial, lang);
  if (denials) blocks.push(denials);
  const pct = Math.round(e.confidence * 100);
  blocks.push(
    context(
      `${p.stance[e.stance]} · ${p.label.confidence(pct)} · ${e.method} · id \`${esc(e.id)}\`` +
        (e.why ? `\n${esc(truncate(e.why, 300))}` : ''),
    ),
  );
  return blocks;
}

function itemLabel(item: ReplyItem): string {
  return link(item.url, truncate(item.title ?? item.url ?? item.input, 150));
}

function itemBlocks(item: ReplyItem, many: boolean, lang: ReplyLang): Block[] {
  const p = phrases(lang).label;
  const blocks: Block[] = [];
  if (many) blocks.push(section(`*${itemLabel(item)}*\n${slackText(item.verdict)}`));
  else if (item.url) blocks.push(context(`${p.article}: ${itemLabel(item)}`));
  item.entries.slice(0, ENTRIES_PER_ITEM).forEach((e, i) => {
    if (i > 0 || many) blocks.push({ type: 'divider' });
    blocks.push(...entryBlocks(e, lang));
  });
  if (item.notes.length) blocks.push(context(...item.notes.map((n) => `${p.note}: ${slackText(n)}`)));
  return blocks;
}

function quietBlocks(reply: Reply): Block[] {
  const lines = reply.items.map((i) =>
    reply.items.length > 1 || i.url ? `${itemLabel(i)}: ${slackText(i.verdict)}` : slackText(i.verdict),
  );
  return [context(...lines)];
}

function buttonBlocks(reply: Reply, opts: RenderOptions): Block[] {
  if (opts.buttons === 'feedback' && reply.alert) {
    const ids = reply.items.flatMap((i) => i.entries.filter((e) => e.alerting).map((e) => e.id));
    const value = encodeEntryIds(ids);
    return [
      {
        type: 'actions',
        block_id: FEEDBACK_BLOCK_ID,
        elements: [
          button(ACTION.helpful, phrases(reply.lang).label.helpful, value, 'primary'),
          button(ACTION.wrong, phrases(reply.lang).label.wrong, value, 'danger'),
        ],
      },
    ];
  }
  if (opts.buttons === 'share' && opts.shareValue) {
    return [
      {
        type: 'actions',
        block_id: SHARE_BLOCK_ID,
        elements: [
          button(ACTION.share, phrases(reply.lang).label.share, opts.shareValue),
          ...(opts.missedValue
            ? [button(ACTION.missed, phrases(reply.lang).missed.button, opts.missedValue)]
            : []),
        ],
      },
    ];
  }
  return [];
}

/** Cuts the body so that body + tail fit in Slack's 50 blocks, saying so when it cut. */
export function fitBlocks(body: Block[], tail: Block[], lang: ReplyLang = 'en'): Block[] {
  const room = MAX_BLOCKS - tail.length;
  if (body.length <= room) return [...body, ...tail];
  const cut = body.slice(0, room - 1);
  cut.push(context(esc(phrases(lang).label.leftOut)));
  return [...cut, ...tail];
}

export function fallbackText(reply: Reply): string {
  return truncate(slackText(renderText(reply)), MAX_FALLBACK);
}

export function renderReplyBlocks(reply: Reply, opts: RenderOptions): SlackMessage {
  const many = reply.items.length > 1;
  const body: Block[] = [];
  if (opts.mode === 'quiet') {
    body.push(...quietBlocks(reply));
  } else {
    body.push(section(`*${slackText(reply.headline)}*`));
    for (const item of reply.items) body.push(...itemBlocks(item, many, reply.lang));
  }
  const p = phrases(reply.lang).label;
  if (reply.skippedLinks > 0) body.push(context(esc(p.skipped(reply.skippedLinks))));
  const footer = context(`claimdesk · ${esc(p.catalogueVersion(reply.catalogueVersion))}`);
  const blocks = fitBlocks(body, [...buttonBlocks(reply, opts), footer], reply.lang);
  const text =
    opts.mode === 'quiet'
      ? truncate(slackText(reply.items.map((i) => i.verdict).join('\n')), MAX_FALLBACK)
      : fallbackText(reply);
  return { text, blocks };
}
