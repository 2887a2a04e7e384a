/** Pieces of a check-history record as safe HTML (the desk and the entry pages): its titles and links are untrusted. */
import type { CheckRecord, Surface } from '../../model/history.js';
import { esc, outLink } from './render-html.js';

const SURFACE: Record<Surface, string> = {
  slack: 'Slack',
  discord: 'Discord',
  api: 'API',
  page: 'Page',
  cli: 'CLI',
};

/** An ISO time as a readable UTC minute, machine-readable in `datetime`. */
export function when(iso: string): string {
  const d = new Date(iso);
  const shown = Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<time datetime="${esc(iso)}">${esc(shown)}</time>`;
}

/** What was checked: the title linked to the address, the address alone, or "pasted text". */
export function checked(r: Pick<CheckRecord, 'url' | 'title'>): string {
  if (r.url) return outLink(r.title?.trim() || r.url, r.url);
  return r.title
    ? `${esc(r.title)} <span class="muted">(pasted text)</span>`
    : '<span class="muted">pasted text</span>';
}

export function outcomeLabel(r: Pick<CheckRecord, 'outcome' | 'errorCode'>): string {
  const code = r.outcome === 'unreadable' && r.errorCode ? ` (${esc(r.errorCode)})` : '';
  const o = esc(r.outcome);
  return `<span class="outcome-${o}">${o}${code}</span>`;
}

export function surfaceLabel(s: Surface): string {
  return SURFACE[s] ?? esc(s);
}
