/** The desk's live part: the digest (totals, the chart, the entries) and the recent checks. */
import { pick } from '../../claims/localize.js';
import type { Catalogue } from '../../model/catalogue.js';
import type { Digest, DigestEntry } from '../../model/digest.js';
import type { CheckRecord } from '../../model/history.js';
import { type DayCount, renderChart } from './render-chart.js';
import { entryHref, esc } from './render-html.js';
import { checked, outcomeLabel, surfaceLabel, when } from './render-history.js';

export interface DeskView {
  digest: Digest;
  days: number;
  byDay: readonly DayCount[];
  recent: readonly CheckRecord[];
  catalogue: Catalogue;
  teamId?: string;
}

const WINDOWS = [1, 7, 30, 90];

function windowLinks(days: number, teamId: string | undefined): string {
  const team = teamId ? `&team=${encodeURIComponent(teamId)}` : '';
  const links = WINDOWS.map((n) => {
    const label = n === 1 ? 'today' : `${n} days`;
    return n === days
      ? `<a href="/?days=${n}${esc(team)}" aria-current="page">${label}</a>`
      : `<a href="/?days=${n}${esc(team)}">${label}</a>`;
  });
  return `<p class="windows">Window: ${links.join(' ')}</p>`;
}

function total(key: string, label: string, n: number): string {
  return `<div><dt>${label}</dt><dd data-total="${key}">${n}</dd></div>`;
}

function entryRow(e: DigestEntry): string {
  const links = e.links
    .slice(0, 3)
    .map((l) => `<li>${checked(l)}</li>`)
    .join('');
  return `<tr data-entry="${esc(e.id)}"><th scope="row"><a href="${esc(entryHref(e.id))}">${esc(e.title)}</a></th>
<td class="n" data-label="Checks">${e.checks}</td><td class="n" data-label="Alerts">${e.alerts}</td><td class="n" data-label="Reports">${e.reports}</td><td class="n" data-label="Debunks">${e.debunks}</td>
<td data-label="Latest links">${links ? `<ul>${links}</ul>` : ''}</td></tr>`;
}

function renderDigest(v: DeskView): string {
  const d = v.digest;
  const title = v.days === 1 ? 'today' : `the last ${v.days} days`;
  const team = v.teamId ? `, workspace or guild <code>${esc(v.teamId)}</code>` : '';
  const entries = d.entries.length
    ? `<p class="muted">Ordered by alerts, then checks.</p><div class="scroll"><table class="entries stack">
<thead><tr><th scope="col">Entry</th><th scope="col" class="n">Checks</th><th scope="col" class="n">Alerts</th><th scope="col" class="n">Reports</th><th scope="col" class="n">Debunks</th><th scope="col">Latest links</th></tr></thead>
<tbody>${d.entries.map(entryRow).join('')}</tbody></table></div>`
    : '<p class="muted">No catalogue entry was matched in this window.</p>';
  return `<section id="digest" aria-labelledby="digest-h">
<h2 id="digest-h">Digest: ${title}</h2>
<p class="muted">From ${when(d.from)} to ${when(d.to)}${team}.</p>
${windowLinks(v.days, v.teamId)}
<dl class="totals">${total('checks', 'Checks', d.checks)}${total('alerts', 'Alerts', d.alerts)}${total('unreadable', 'Unreadable', d.unreadable)}${total('helpful', 'Helpful votes', d.feedback.helpful)}${total('wrong', 'Wrong-match votes', d.feedback.wrong)}</dl>
${renderChart(v.byDay)}
<h3>Entries</h3>
${entries}
</section>`;
}

function recentRow(r: CheckRecord, catalogue: Catalogue): string {
  const entries = r.entries
    .map((e) => {
      const entry = catalogue.byId.get(e.id);
      const name = entry ? `<a href="${esc(entryHref(e.id))}">${esc(pick(entry.title))}</a>` : esc(e.id);
      return `<li>${name} <span class="muted">${esc(e.stance)}, ${Math.round(e.confidence * 100)}%</span></li>`;
    })
    .join('');
  return `<tr><td data-label="When">${when(r.at)}</td><td data-label="Where">${surfaceLabel(r.surface)}</td><td data-label="What">${checked(r)}</td><td data-label="Outcome">${outcomeLabel(r)}</td>
<td data-label="Entries">${entries ? `<ul>${entries}</ul>` : '<span class="muted">none</span>'}</td></tr>`;
}

function renderRecent(v: DeskView): string {
  const body = v.recent.length
    ? `<div class="scroll"><table class="recent stack"><thead><tr><th scope="col">When</th><th scope="col">Where</th><th scope="col">What</th><th scope="col">Outcome</th><th scope="col">Entries</th></tr></thead>
<tbody>${v.recent.map((r) => recentRow(r, v.catalogue)).join('')}</tbody></table></div>`
    : '<p class="muted">Nothing has been checked yet.</p>';
  return `<section id="recent" aria-labelledby="recent-h"><h2 id="recent-h">Recent checks</h2>${body}</section>`;
}

/** The inside of `<div id="desk">`: replaced in place by the page's script after each check. */
export function renderDesk(v: DeskView): string {
  return `${renderDigest(v)}\n${renderRecent(v)}`;
}
