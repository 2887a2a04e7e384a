/**
 * An entry's page on the desk: what is claimed, what is true, who denied it (who, when, the link),
 * every check that hit it, and its schema.org ClaimReview as JSON-LD (claims only: a narrative is
 * a framing with many wordings, not one checkable statement — see export-claimreview.ts).
 */
import { pick } from '../../claims/localize.js';
import type { ClaimReview } from '../../claims/export-claimreview.js';
import type { Catalogue, Entry } from '../../model/catalogue.js';
import type { CheckRecord } from '../../model/history.js';
import type { ReplyDenial } from '../../model/reply.js';
import { type ReplyLang, sortedDenials } from '../../pipeline/entry-card.js';
import { jsonLdBlock } from './json-ld.js';
import type { Shell } from './page.js';
import { checked, outcomeLabel, surfaceLabel, when } from './render-history.js';
import { entryHref, esc, link } from './render-html.js';

export interface EntryView {
  entry: Entry;
  catalogue: Catalogue;
  lang: ReplyLang;
  /** Checks that named this entry, newest first. */
  hits: readonly CheckRecord[];
  hitDays: number;
  review: ClaimReview | null;
}

function denialRow(d: ReplyDenial): string {
  const via = d.via ? ` <span class="muted">(${esc(d.via)})</span>` : '';
  const quote = d.quote ? `<blockquote>${esc(d.quote)}</blockquote>` : '';
  return `<li><b>${esc(d.who)}</b>${via}, <time datetime="${esc(d.date)}">${esc(d.date)}</time>: ${link('the statement', d.url)} <span class="muted">${esc(d.url)}</span>${quote}</li>`;
}

function renderDenials(entry: Entry): string {
  const all = sortedDenials(entry);
  const official = all.filter((d) => d.type === 'official');
  const independent = all.filter((d) => d.type === 'independent');
  const none = entry.no_official_denial
    ? `<p>No official denial: ${esc(entry.no_official_denial)}</p>`
    : '<p class="muted">No official denial is listed.</p>';
  const off = official.length ? `<ul class="denials">${official.map(denialRow).join('')}</ul>` : none;
  const ind = independent.length
    ? `<h3>Independent refutations</h3><ul class="denials">${independent.map(denialRow).join('')}</ul>`
    : '';
  return `<section aria-labelledby="denials-h"><h2 id="denials-h">Official denials</h2>${off}${ind}</section>`;
}

function renderHits(v: EntryView): string {
  const rows = v.hits
    .map((r) => {
      const mine = r.entries.filter((e) => e.id === v.entry.id);
      const stance = mine.map((e) => `${esc(e.stance)}, ${Math.round(e.confidence * 100)}%`).join('; ');
      return `<tr><td data-label="When">${when(r.at)}</td><td data-label="Where">${surfaceLabel(r.surface)}</td><td data-label="What">${checked(r)}</td><td data-label="Stance">${stance}</td><td data-label="Outcome">${outcomeLabel(r)}</td></tr>`;
    })
    .join('');
  const body = rows
    ? `<div class="scroll"><table class="hits stack"><thead><tr><th scope="col">When</th><th scope="col">Where</th><th scope="col">What</th><th scope="col">Stance</th><th scope="col">Outcome</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : `<p class="muted">No check has hit this entry in the last ${v.hitDays} days.</p>`;
  return `<section aria-labelledby="hits-h"><h2 id="hits-h">Hits <span class="muted">(${v.hits.length}, last ${v.hitDays} days)</span></h2>${body}</section>`;
}

function related(v: EntryView): string {
  const { entry, catalogue, lang } = v;
  const parent = entry.parent ? catalogue.byId.get(entry.parent) : undefined;
  const up = parent
    ? `<p>Part of the narrative <a href="${esc(entryHref(parent.id))}">${esc(pick(parent.title, lang))}</a>.</p>`
    : '';
  const children = catalogue.entries.filter((e) => e.parent === entry.id);
  const down = children.length
    ? `<p>Claims of this narrative:</p><ul>${children.map((c) => `<li><a href="${esc(entryHref(c.id))}">${esc(pick(c.title, lang))}</a></li>`).join('')}</ul>`
    : '';
  return up + down;
}

function renderReview(review: ClaimReview | null): string {
  if (!review) {
    return '<p class="muted">Narratives carry no ClaimReview: a review is read as a verdict on one checkable statement.</p>';
  }
  return `<details><summary>ClaimReview (schema.org JSON-LD, embedded in this page)</summary><pre class="jsonld">${esc(JSON.stringify(review, null, 2))}</pre></details>`;
}

export function renderEntryPage(v: EntryView): Shell {
  const { entry, lang } = v;
  const title = pick(entry.title, lang);
  const sources = entry.sources.length
    ? `<h3>Reporting on it</h3><ul>${entry.sources.map((s) => `<li>${link(s.title, s.url)}${s.date ? ` <span class="muted">${esc(s.date)}</span>` : ''}</li>`).join('')}</ul>`
    : '';
  const main = `<p><a href="/">← Back to the desk</a></p>
<article class="entry-page" aria-labelledby="entry-h">
<h1 id="entry-h">${esc(title)}</h1>
<p class="muted">${entry.kind}, rated <b>${esc(entry.rating)}</b> · first seen ${esc(entry.first_seen)} · updated ${esc(entry.updated)} · id <code>${esc(entry.id)}</code></p>
${related(v)}
<section aria-labelledby="claimed-h"><h2 id="claimed-h">What is claimed</h2><p>${esc(pick(entry.summary, lang))}</p></section>
<section aria-labelledby="context-h"><h2 id="context-h">What is true</h2><p class="context">${esc(pick(entry.context, lang))}</p>${sources}</section>
${renderDenials(entry)}
${renderHits(v)}
<section aria-labelledby="review-h"><h2 id="review-h">ClaimReview</h2>${renderReview(v.review)}</section>
</article>`;
  return {
    title: `${title} · claimdesk`,
    main,
    lang,
    ...(v.review ? { head: jsonLdBlock(v.review) } : {}),
  };
}
