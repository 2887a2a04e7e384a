/** Renders a Reply or an entry card as safe HTML for the local page: every text is escaped. */
import type { EntryCard } from '../../pipeline/entry-card.js';
import type { Reply, ReplyDenial, ReplyEntry, ReplyItem } from '../../model/reply.js';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only https links from the catalogue become anchors; anything else is shown as text. */
export function link(label: string, url: string): string {
  return /^https:\/\//i.test(url)
    ? `<a href="${esc(url)}" rel="noopener noreferrer nofollow" target="_blank">${esc(label)}</a>`
    : esc(label);
}

/** A link from the check history (untrusted): an anchor only for http(s), shown as text otherwise. */
export function outLink(label: string, url: string): string {
  return /^https?:\/\/[^\s]+$/i.test(url)
    ? `<a href="${esc(url)}" rel="noopener noreferrer nofollow ugc" target="_blank">${esc(label)}</a>`
    : esc(label);
}

/** The desk's page of a catalogue entry. */
export function entryHref(id: string): string {
  return `/entries/${encodeURIComponent(id)}`;
}

function denials(card: Pick<EntryCard, 'denials' | 'noOfficialDenial'>): string {
  const items = card.denials.map((d: ReplyDenial) => {
    const via = d.via ? `, ${esc(d.via)}` : '';
    const quote = d.quote ? ` — <q>${esc(d.quote)}</q>` : '';
    return `<li>${link(d.who, d.url)} <span class="muted">(${d.type}, ${esc(d.date)}${via})</span>${quote}</li>`;
  });
  if (card.noOfficialDenial) items.push(`<li>No official denial: ${esc(card.noOfficialDenial)}</li>`);
  return items.length ? `<div>Denials:</div><ul>${items.join('')}</ul>` : '';
}

function entry(e: ReplyEntry): string {
  const parent = e.parent ? ` — part of the narrative “${esc(e.parent.title)}”` : '';
  const why = e.why ? `<div class="why">${esc(e.why)}</div>` : '';
  const evidence = `${why}${e.evidence ? `<blockquote>${esc(e.evidence)}</blockquote>` : ''}`;
  return `<section class="entry ${e.alerting ? 'alerting' : ''}">
<h3>${esc(e.title)} <span class="muted">(${e.kind}, rated ${esc(e.rating)})${parent}</span></h3>
<div class="meta">stance: <b>${e.stance}</b> · confidence ${Math.round(e.confidence * 100)}% · ${e.method} · id <code>${esc(e.id)}</code> · <a href="${esc(entryHref(e.id))}" aria-label="Entry page: ${esc(e.title)}">entry page</a></div>
${evidence}<p>${esc(e.context)}</p>${denials(e)}</section>`;
}

function item(i: ReplyItem): string {
  const head = i.title || i.url ? `<div class="muted">${esc(i.title ?? '')} ${esc(i.url ?? '')}</div>` : '';
  const notes = i.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
  return `<article class="item ${i.alert ? 'alert' : 'calm'}">${head}<p class="verdict">${esc(i.verdict)}</p>${i.entries.map(entry).join('')}${notes}</article>`;
}

export function renderReplyHtml(reply: Reply): string {
  const skipped = reply.skippedLinks
    ? `<p class="note">${reply.skippedLinks} more links were not checked.</p>`
    : '';
  return `${reply.items.map(item).join('')}${skipped}<p class="muted">Catalogue version ${esc(reply.catalogueVersion)}</p>`;
}

export function renderCardHtml(card: EntryCard): string {
  return `<section class="entry"><h3><a href="${esc(entryHref(card.id))}">${esc(card.title)}</a> <span class="muted">(${card.kind}, rated ${esc(card.rating)}) · <code>${esc(card.id)}</code></span></h3>
<p><b>Claimed:</b> ${esc(card.summary)}</p><p><b>Context:</b> ${esc(card.context)}</p>${denials(card)}</section>`;
}
