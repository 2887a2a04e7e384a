/** Builds the platform-neutral Reply from check results. Adapters only render it. */
import type { Catalogue } from '../model/catalogue.js';
import { isAlerting } from '../model/alert.js';
import { entryCard, type ReplyLang } from './entry-card.js';
import { phrases } from '../lang/phrases/index.js';
import { whyLine } from '../lang/phrases/why.js';
import type { Reply, ReplyEntry, ReplyItem } from '../model/reply.js';
import type { CheckDetails, Match } from '../model/types.js';

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
    // The reason in the reply's language; a match without one (an older cached result) keeps its line.
    ...(m.why ? { why: m.reason ? whyLine(m.reason, opts.lang) : m.why } : {}),
  };
}

function verdict(
  item: Pick<ReplyItem, 'status' | 'errorMessage' | 'alert'>,
  entries: ReplyEntry[],
  lang: ReplyLang | undefined,
): string {
  const v = phrases(lang).verdict;
  if (item.status === 'error') return v.unreadable(item.errorMessage ?? '?');
  const top = entries[0];
  if (!top) return v.nothingFound;
  if (item.alert) {
    if (top.stance === 'unclear') return v.mayRepeat(top.kind, top.title);
    return top.kind === 'claim' ? v.repeatsClaim(top.title) : v.pushesNarrative(top.title);
  }
  if (top.stance === 'debunks') return v.debunks(top.kind, top.title);
  if (top.stance === 'reports') return v.reportsOn(top.kind, top.title);
  return v.weak(top.kind, top.title);
}

export function composeItem(d: CheckDetails, opts: ComposeOptions): ReplyItem {
  const r = d.result;
  const entries = [...r.matches]
    .sort((a, b) => STANCE_ORDER[a.stance] - STANCE_ORDER[b.stance] || b.confidence - a.confidence)
    .map((m) => toEntry(m, opts))
    .filter((e): e is ReplyEntry => e !== null);
  const notes = [...d.notes];
  if (d.possiblyNewNarrative) notes.push(phrases(opts.lang).label.possiblyNew(d.possiblyNewNarrative));
  const base = {
    input: r.input,
    url: r.url,
    title: r.title,
    status: r.status,
    errorMessage: r.error?.message ?? null,
    alert: r.alert,
  };
  return { ...base, verdict: verdict(base, entries, opts.lang), entries, notes };
}

export function composeReply(details: CheckDetails[], opts: ComposeOptions): Reply {
  const items = details.map((d) => composeItem(d, opts));
  const alerting = items.filter((i) => i.alert);
  const first = alerting[0];
  const v = phrases(opts.lang).verdict;
  const headline = first
    ? alerting.length > 1
      ? `${first.verdict} ${v.moreAlerts(alerting.length - 1)}`
      : first.verdict
    : items.length === 1 && items[0]
      ? items[0].verdict
      : v.noAlertFor(items.length);
  return {
    lang: opts.lang ?? 'en',
    alert: alerting.length > 0,
    headline,
    items,
    skippedLinks: opts.skipped,
    catalogueVersion: opts.catalogue.version,
  };
}
