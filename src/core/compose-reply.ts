/** Builds the platform-neutral Reply from check results. Adapters only render it. */
import type { Catalogue } from '../claims/schema.js';
import { isAlerting } from '../match/alert.js';
import { entryCard, type ReplyLang } from './entry-card.js';
import type { Reply, ReplyEntry, ReplyItem } from './reply.js';
import type { CheckDetails, Match } from './types.js';

export interface ComposeOptions {
  catalogue: Catalogue;
  alertThreshold: number;
  /** Links beyond the per-message cap. */
  skipped: number;
  lang?: ReplyLang;
}

const STANCE_ORDER = { promotes: 0, unclear: 1, reports: 2, debunks: 3 } as const;

function toEntry(m: Match, opts: ComposeOptions): ReplyEntry | null {
  const entry = opts.catalogue.byId.get(m.id);
  if (!entry) return null;
  const card = entryCard(entry, opts.catalogue, opts.lang);
  return {
    id: card.id,
    kind: card.kind,
    title: card.title,
    rating: card.rating,
    context: card.context,
    parent: card.parent,
    denials: card.denials.slice(0, 3),
    noOfficialDenial: card.noOfficialDenial,
    stance: m.stance,
    confidence: m.confidence,
    method: m.method,
    evidence: m.evidence[0]?.quote ?? null,
    alerting: isAlerting(m, opts.alertThreshold),
  };
}

function verdict(item: Pick<ReplyItem, 'status' | 'errorMessage' | 'alert'>, entries: ReplyEntry[]): string {
  if (item.status === 'error') return `I could not read this page: ${item.errorMessage ?? 'unknown reason'}`;
  const top = entries[0];
  if (!top) return 'No known claim or narrative from the catalogue was found.';
  if (item.alert) {
    if (top.stance === 'unclear') return `This article may repeat a known ${top.kind}: ${top.title}.`;
    return top.kind === 'claim'
      ? `This article repeats a known false claim: ${top.title}.`
      : `This article pushes a known disinformation narrative: ${top.title}.`;
  }
  if (top.stance === 'debunks') return `This article debunks a known ${top.kind}: ${top.title}. No alert.`;
  if (top.stance === 'reports') return `This article reports on a known ${top.kind}: ${top.title}. No alert.`;
  return `This article touches a known ${top.kind} only weakly: ${top.title}. No alert.`;
}

export function composeItem(d: CheckDetails, opts: ComposeOptions): ReplyItem {
  const r = d.result;
  const entries = [...r.matches]
    .sort((a, b) => STANCE_ORDER[a.stance] - STANCE_ORDER[b.stance] || b.confidence - a.confidence)
    .map((m) => toEntry(m, opts))
    .filter((e): e is ReplyEntry => e !== null);
  const notes = [...d.notes];
  if (d.possiblyNewNarrative)
    notes.push(`Possibly a new narrative, not in the catalogue: ${d.possiblyNewNarrative}`);
  const base = {
    input: r.input,
    url: r.url,
    title: r.title,
    status: r.status,
    errorMessage: r.error?.message ?? null,
    alert: r.alert,
  };
  return { ...base, verdict: verdict(base, entries), entries, notes };
}

export function composeReply(details: CheckDetails[], opts: ComposeOptions): Reply {
  const items = details.map((d) => composeItem(d, opts));
  const alerting = items.filter((i) => i.alert);
  const first = alerting[0];
  const headline = first
    ? alerting.length > 1
      ? `${first.verdict} (and ${alerting.length - 1} more link${alerting.length > 2 ? 's' : ''} with alerts)`
      : first.verdict
    : items.length === 1 && items[0]
      ? items[0].verdict
      : `No alert for ${items.length} links.`;
  return {
    alert: alerting.length > 0,
    headline,
    items,
    skippedLinks: opts.skipped,
    catalogueVersion: opts.catalogue.version,
  };
}
