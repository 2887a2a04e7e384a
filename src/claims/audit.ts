/**
 * The catalogue audit: per entry, what its facts rest on (sources, context sources and denials with
 * their dates, variants with their years), what is still owed (attributions to named actors without
 * a source, strings no speaker has checked) and whether the entry is stale (not updated in a year).
 * Pure: `claimdesk claims audit` reads the files and prints the report.
 */
import type { ActorIndex } from './actors.js';
import { isBefore } from '../model/dates.js';
import { formatPath } from './issues.js';
import { unsourcedAttributions } from './provenance.js';
import type { Entry } from '../model/catalogue.js';
import { type CheckedString, isUnverified, textOf } from './strings.js';

export interface EntryAudit {
  id: string;
  kind: Entry['kind'];
  updated: string;
  /** True when `updated` is before the report's `staleBefore`. */
  stale: boolean;
  sources: Array<{ title: string; url: string; date: string | null }>;
  contextSources: string[];
  denials: Array<{ body: string; type: 'official' | 'independent'; date: string; url: string }>;
  variants: Array<{ year: number; source: string | null }>;
  unsourcedAttributions: Array<{ path: string; actors: string[]; message: string }>;
  unverifiedStrings: Array<{ path: string; text: string }>;
}

export interface AuditReport {
  catalogue: { version: string; entries: number };
  today: string;
  staleBefore: string;
  entries: EntryAudit[];
  totals: { unsourcedAttributions: number; unverifiedStrings: number; staleEntries: number };
}

export interface AuditOptions {
  version: string;
  /** The named actors (claims/meta/actors.yaml); null when the catalogue has none. */
  actors: ActorIndex | null;
  today: Date;
}

const LANGS = ['en', 'ru', 'kk'] as const;

export function auditCatalogue(entries: ReadonlyArray<Entry>, options: AuditOptions): AuditReport {
  const today = isoDay(options.today);
  const yearAgo = new Date(options.today);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const staleBefore = isoDay(yearAgo);
  const audited = entries.map((e) => auditEntry(e, options.actors, staleBefore));
  return {
    catalogue: { version: options.version, entries: entries.length },
    today,
    staleBefore,
    entries: audited,
    totals: {
      unsourcedAttributions: audited.reduce((n, a) => n + a.unsourcedAttributions.length, 0),
      unverifiedStrings: audited.reduce((n, a) => n + a.unverifiedStrings.length, 0),
      staleEntries: audited.filter((a) => a.stale).length,
    },
  };
}

function auditEntry(e: Entry, actors: ActorIndex | null, staleBefore: string): EntryAudit {
  return {
    id: e.id,
    kind: e.kind,
    updated: e.updated,
    stale: isBefore(e.updated, staleBefore),
    sources: e.sources.map((s) => ({ title: s.title, url: s.url, date: s.date ?? null })),
    contextSources: [...e.context_sources],
    denials: [...e.denials]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((d) => ({
        body: d.person ? `${d.body} (${d.person})` : d.body,
        type: d.type,
        date: d.date,
        url: d.url,
      })),
    variants: e.variants.map((v) => ({ year: v.year, source: v.source ?? null })),
    unsourcedAttributions: actors
      ? unsourcedAttributions(e, actors).map((u) => ({
          path: formatPath(u.path),
          actors: u.actors.map((a) => a.name),
          message: u.message,
        }))
      : [],
    unverifiedStrings: unverifiedStrings(e),
  };
}

/** Every string marked unverified: localized texts, match terms and examples. */
export function unverifiedStrings(e: Entry): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  const add = (path: ReadonlyArray<PropertyKey>, s: CheckedString | undefined) => {
    if (s !== undefined && isUnverified(s)) out.push({ path: formatPath(path), text: textOf(s) });
  };
  for (const field of ['title', 'summary', 'context'] as const) {
    for (const lang of LANGS) add([field, lang], e[field][lang]);
  }
  for (const [name, terms] of Object.entries(e.match.concepts)) {
    for (const lang of LANGS) {
      for (const [i, t] of (terms[lang] ?? []).entries()) add(['match', 'concepts', name, lang, i], t);
    }
  }
  for (const lang of LANGS) {
    for (const [i, t] of (e.match.exclude?.[lang] ?? []).entries()) add(['match', 'exclude', lang, i], t);
  }
  for (const kind of ['match', 'no_match', 'debunk'] as const) {
    e.examples[kind].forEach((ex, i) => {
      if (ex.unverified === true) out.push({ path: formatPath(['examples', kind, i]), text: ex.text });
    });
  }
  return out;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
