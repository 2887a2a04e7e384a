/** The digest of a window of check history: totals, and per entry its checks, alerts and links. */
import { pick } from '../claims/localize.js';
import type { Catalogue } from '../model/catalogue.js';
import type { Digest, DigestEntry } from '../model/digest.js';
import type { CheckRecord } from '../model/history.js';
import type { ReplyLang } from '../model/types.js';

/** Links listed per entry (newest first). */
const LINKS_PER_ENTRY = 10;

export interface DigestInput {
  records: readonly CheckRecord[];
  catalogue: Catalogue;
  feedback: { helpful: number; wrong: number };
  from: Date;
  to: Date;
  /**
   * With it, an entry counts an alert only when the record alerted and this entry itself promotes
   * (or is unclear) at or above the threshold, not merely sits beside another entry that did.
   */
  alertThreshold?: number;
  /** The language of entry titles (English where an entry has no checked translation). */
  lang?: ReplyLang;
}

function alertsOn(r: CheckRecord, id: string, threshold: number | undefined): boolean {
  if (r.outcome !== 'alert') return false;
  return r.entries.some(
    (x) =>
      x.id === id &&
      (x.stance === 'promotes' || x.stance === 'unclear') &&
      (threshold === undefined || x.confidence >= threshold),
  );
}

export function buildDigest(input: DigestInput): Digest {
  const byId = new Map<string, DigestEntry>();
  const titles = new Map(input.catalogue.entries.map((e) => [e.id, pick(e.title, input.lang)]));
  const newestFirst = [...input.records].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  for (const r of newestFirst) {
    for (const id of new Set(r.entries.map((e) => e.id))) {
      const e = byId.get(id) ?? {
        id,
        title: titles.get(id) ?? id,
        checks: 0,
        alerts: 0,
        reports: 0,
        debunks: 0,
        links: [],
      };
      byId.set(id, e);
      const stances = new Set(r.entries.filter((x) => x.id === id).map((x) => x.stance));
      e.checks += 1;
      if (alertsOn(r, id, input.alertThreshold)) e.alerts += 1;
      if (stances.has('reports')) e.reports += 1;
      if (stances.has('debunks')) e.debunks += 1;
      if (r.url && e.links.length < LINKS_PER_ENTRY && !e.links.some((l) => l.url === r.url)) {
        e.links.push({ url: r.url, title: r.title, at: r.at });
      }
    }
  }
  const entries = [...byId.values()].sort(
    (a, b) => b.alerts - a.alerts || b.checks - a.checks || a.id.localeCompare(b.id),
  );
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    checks: input.records.length,
    alerts: input.records.filter((r) => r.outcome === 'alert').length,
    unreadable: input.records.filter((r) => r.outcome === 'unreadable').length,
    entries,
    feedback: { ...input.feedback },
  };
}
