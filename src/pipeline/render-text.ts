/** Renders a Reply as plain text (terminals, fallbacks) or Markdown (the local page, Discord fallback). */
import type { EntryCard } from './entry-card.js';
import type { Reply, ReplyDenial, ReplyEntry, ReplyItem } from '../model/reply.js';
import { stripControls } from '../text/safe-text.js';

const STANCE_LABEL = {
  promotes: 'promotes it',
  unclear: 'stance unclear',
  reports: 'reports on it',
  debunks: 'debunks it',
} as const;

interface Style {
  bold(s: string): string;
  link(label: string, url: string): string;
  quote(s: string): string;
  bullet: string;
}

const plain: Style = {
  bold: (s) => s,
  link: (label, url) => `${label} <${url}>`,
  quote: (s) => `"${s}"`,
  bullet: '  - ',
};

/** Escapes characters that Markdown would read as formatting or links. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

const markdown: Style = {
  bold: (s) => `**${md(s)}**`,
  link: (label, url) => `[${md(label)}](<${url}>)`,
  quote: (s) => `> ${md(s)}`,
  bullet: '- ',
};

function denialLine(d: ReplyDenial, st: Style): string {
  const via = d.via ? `, ${d.via}` : '';
  const quote = d.quote ? ` — "${d.quote}"` : '';
  const kind = d.type === 'official' ? 'official' : 'independent';
  return `${st.bullet}${st.link(`${d.who} (${kind}, ${d.date}${via})`, d.url)}${quote}`;
}

export function renderDenials(card: Pick<EntryCard, 'denials' | 'noOfficialDenial'>, st: Style): string[] {
  const lines = card.denials.map((d) => denialLine(d, st));
  if (card.noOfficialDenial) lines.push(`${st.bullet}No official denial: ${card.noOfficialDenial}`);
  return lines;
}

function entryLines(e: ReplyEntry, st: Style): string[] {
  const pct = Math.round(e.confidence * 100);
  const parent = e.parent ? ` — part of the narrative "${e.parent.title}"` : '';
  const lines = [
    `${st.bold(`${e.title}`)} (${e.kind}, rated ${e.rating})${parent}`,
    `The article ${STANCE_LABEL[e.stance]} · confidence ${pct}% · ${e.method} · id ${e.id}`,
  ];
  if (e.why) lines.push(`Why: ${e.why}`);
  if (e.evidence) lines.push(`Evidence: ${st.quote(e.evidence)}`);
  lines.push(`Context: ${e.context}`);
  const denials = renderDenials(e, st);
  if (denials.length) lines.push('Denials:', ...denials);
  return lines;
}

function itemLines(item: ReplyItem, st: Style, many: boolean): string[] {
  const lines: string[] = [];
  if (many) lines.push(st.bold(item.title ?? item.url ?? item.input));
  lines.push(item.verdict);
  for (const e of item.entries) lines.push('', ...entryLines(e, st));
  for (const n of item.notes) lines.push('', `Note: ${n}`);
  return lines;
}

function render(reply: Reply, st: Style): string {
  const many = reply.items.length > 1;
  const blocks = reply.items.map((i) => itemLines(i, st, many).join('\n'));
  if (reply.skippedLinks > 0) {
    blocks.push(
      `${reply.skippedLinks} more link${reply.skippedLinks > 1 ? 's were' : ' was'} not checked (limit per message).`,
    );
  }
  blocks.push(`Catalogue version ${reply.catalogueVersion}.`);
  // Terminals and notifications obey bidi and control characters from articles: drop them.
  return stripControls(blocks.join('\n\n'));
}

export function renderText(reply: Reply): string {
  return render(reply, plain);
}

export function renderMarkdown(reply: Reply): string {
  return render(reply, markdown);
}

export function renderCardText(card: EntryCard, style: 'text' | 'markdown' = 'text'): string {
  const st = style === 'markdown' ? markdown : plain;
  const lines = [
    `${st.bold(card.title)} (${card.kind}, rated ${card.rating}) · id ${card.id}`,
    `Claimed: ${card.summary}`,
    `Context: ${card.context}`,
  ];
  const denials = renderDenials(card, st);
  if (denials.length) lines.push('Denials:', ...denials);
  return stripControls(lines.join('\n'));
}
