/**
 * Reply → Discord embeds (pure). One embed per checked link, a text fallback for `content`, and
 * every Discord limit enforced (see limits.ts): the message must be accepted however long the
 * catalogue's context, the article's title or the number of matches.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { EntryCard, ReplyLang } from '../../pipeline/entry-card.js';
import type { Reply, ReplyDenial, ReplyEntry, ReplyItem } from '../../model/reply.js';
import { phrases } from '../../lang/phrases/index.js';
import { plainLine } from '../../text/safe-text.js';
import { fitEmbeds } from './fit-embeds.js';
import { escapeMd, LIMITS, noUnfurl, safeUrl, truncate } from './limits.js';

export const COLORS = { alert: 0xd1480f, quiet: 0x5b7083, error: 0x99a1a8, card: 0x2f6fb0 } as const;

function field(name: string, value: string, inline = false): APIEmbedField {
  return {
    name: truncate(name.trim() || '—', LIMITS.fieldName),
    value: truncate(value.trim() || '—', LIMITS.fieldValue),
    ...(inline ? { inline } : {}),
  };
}

function denialLine(d: ReplyDenial): string {
  const via = d.via ? `, ${escapeMd(d.via)}` : '';
  const label = `${escapeMd(d.who)} (${d.type}, ${escapeMd(d.date)}${via})`;
  const url = safeUrl(d.url);
  const link = url ? `[${label}](<${url}>)` : label;
  return `- ${link}${d.quote ? ` — “${escapeMd(d.quote)}”` : ''}`;
}

export function denialsValue(
  card: Pick<ReplyEntry, 'denials' | 'noOfficialDenial'>,
  lang: ReplyLang = 'en',
): string | null {
  const lines = card.denials.map(denialLine);
  if (card.noOfficialDenial)
    lines.push(`- ${phrases(lang).label.noOfficialDenial}: ${escapeMd(card.noOfficialDenial)}`);
  return lines.length ? lines.join('\n') : null;
}

function entryFields(e: ReplyEntry, lang: ReplyLang): APIEmbedField[] {
  const p = phrases(lang);
  const parent = e.parent ? ` · ${escapeMd(p.label.partOf(e.parent.title))}` : '';
  const pct = Math.round(e.confidence * 100);
  const fields = [
    field(
      `${e.alerting ? '⚠️ ' : ''}${escapeMd(e.title)}`,
      `**${p.label.rated(escapeMd(e.rating))}** · ${p.kind[e.kind]}${parent}\n` +
        `${p.stance[e.stance]} · ${p.label.confidence(pct)} · ${e.method} · id \`${plainLine(e.id)}\`` +
        (e.why ? `\n_${escapeMd(e.why)}_` : ''),
    ),
  ];
  if (e.evidence) fields.push(field(p.label.evidence, `> ${escapeMd(e.evidence.replace(/\s+/g, ' '))}`));
  fields.push(field(p.label.whatIsTrue, escapeMd(e.context)));
  const denials = denialsValue(e, lang);
  if (denials) fields.push(field(p.label.denials, denials));
  return fields;
}

/** At most 25 fields: whole entries first, then one field naming the entries that did not fit. */
function itemFields(entries: ReplyEntry[], lang: ReplyLang): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  const rest: ReplyEntry[] = [];
  for (const e of entries) {
    const f = entryFields(e, lang);
    if (rest.length === 0 && out.length + f.length <= LIMITS.fields - 1) out.push(...f);
    else rest.push(e);
  }
  if (rest.length)
    out.push(
      field(
        phrases(lang).label.alsoMatched,
        rest.map((e) => `- ${escapeMd(e.title)} (\`${plainLine(e.id)}\`)`).join('\n'),
      ),
    );
  return out;
}

function itemEmbed(item: ReplyItem, lang: ReplyLang): APIEmbed {
  const color = item.status === 'error' ? COLORS.error : item.alert ? COLORS.alert : COLORS.quiet;
  const label = item.title ?? item.url ?? item.input;
  const notes = item.notes.map((n) => `*${phrases(lang).label.note}:* ${escapeMd(n)}`);
  const url = safeUrl(item.url);
  return {
    title: truncate(escapeMd(plainLine(label)), LIMITS.title),
    ...(url ? { url } : {}),
    description: truncate([`**${escapeMd(item.verdict)}**`, ...notes].join('\n'), LIMITS.description),
    color,
    fields: itemFields(item.entries, lang),
  };
}

function footerText(reply: Reply): string {
  const p = phrases(reply.lang).label;
  const skipped = reply.skippedLinks > 0 ? ` · ${p.skipped(reply.skippedLinks)}` : '';
  return truncate(`claimdesk · ${p.catalogueVersion(reply.catalogueVersion)}${skipped}`, LIMITS.footer);
}

/** The plain-text fallback shown above the embeds and in notifications. */
export function renderContent(reply: Reply): string {
  return truncate(noUnfurl(escapeMd(plainLine(reply.headline))), LIMITS.content);
}

/** The reply as embeds (at most 10, 6000 characters in all) plus a short text fallback. */
export function renderReplyEmbeds(reply: Reply): { content: string; embeds: APIEmbed[] } {
  let embeds = reply.items.map((i) => itemEmbed(i, reply.lang));
  if (embeds.length > LIMITS.embedsPerMessage) {
    const extra = reply.items.slice(LIMITS.embedsPerMessage - 1);
    embeds = embeds.slice(0, LIMITS.embedsPerMessage - 1);
    embeds.push({
      title: `${extra.length} more links`,
      description: truncate(
        extra.map((i) => `- ${escapeMd(i.title ?? i.url ?? i.input)}: ${escapeMd(i.verdict)}`).join('\n'),
        LIMITS.description,
      ),
      color: extra.some((i) => i.alert) ? COLORS.alert : COLORS.quiet,
    });
  }
  const last = embeds[embeds.length - 1];
  if (last) last.footer = { text: footerText(reply) };
  return { content: renderContent(reply), embeds: fitEmbeds(embeds) };
}

/** A catalogue entry as an embed (lookups and `/claimcheck id`). */
export function renderCardEmbed(card: EntryCard, catalogueVersion: string): APIEmbed {
  const fields = [
    field('Rating', `${escapeMd(card.rating)} · ${card.kind}`, true),
    field('Id', `\`${card.id}\``, true),
    field('First seen', card.firstSeen, true),
  ];
  if (card.parent) fields.push(field('Narrative', `${escapeMd(card.parent.title)} (\`${card.parent.id}\`)`));
  fields.push(field('What is true', escapeMd(card.context)));
  const denials = denialsValue(card);
  if (denials) fields.push(field('Denials', denials));
  return {
    title: truncate(escapeMd(plainLine(card.title)), LIMITS.title),
    description: truncate(`**Claimed:** ${escapeMd(card.summary)}`, LIMITS.description),
    color: COLORS.card,
    fields,
    footer: {
      text: truncate(`claimdesk · catalogue ${catalogueVersion} · updated ${card.updated}`, LIMITS.footer),
    },
  };
}

export function renderCardEmbeds(cards: EntryCard[], catalogueVersion: string): APIEmbed[] {
  return fitEmbeds(cards.slice(0, LIMITS.embedsPerMessage).map((c) => renderCardEmbed(c, catalogueVersion)));
}
