/** A catalogue entry as a journalist reads it: used by replies and by lookups (cards). */
import { type CatalogueLang, pick } from '../claims/localize.js';
import type { Catalogue, Denial, Entry } from '../model/catalogue.js';
import type { ReplyDenial } from '../model/reply.js';

export type ReplyLang = CatalogueLang;

export interface EntryCard {
  id: string;
  kind: Entry['kind'];
  title: string;
  rating: string;
  /** What is claimed. */
  summary: string;
  /** Two or three sentences of what is true. */
  context: string;
  parent: { id: string; title: string } | null;
  /** Official denials first, newest first. */
  denials: ReplyDenial[];
  noOfficialDenial: string | null;
  firstSeen: string;
  updated: string;
}

export const localized = pick;

/** The first `max` sentences of a text (the catalogue's context can be long). */
export function firstSentences(text: string, max = 3): string {
  const parts = text.trim().split(/(?<=[.!?…])\s+(?=[\p{Lu}\d«"“(])/u);
  return parts.slice(0, max).join(' ');
}

function toReplyDenial(d: Denial): ReplyDenial {
  return {
    who: d.person ? `${d.body} (${d.person})` : d.body,
    type: d.type,
    date: d.date,
    url: d.url,
    via: d.via ?? null,
    quote: d.quote?.text ?? null,
  };
}

/** Official before independent; within each, newest first. */
export function sortedDenials(entry: Entry): ReplyDenial[] {
  return [...entry.denials]
    .sort((a, b) => (a.type === b.type ? b.date.localeCompare(a.date) : a.type === 'official' ? -1 : 1))
    .map(toReplyDenial);
}

export function entryCard(entry: Entry, catalogue: Catalogue, lang: ReplyLang = 'en'): EntryCard {
  const parent = entry.parent ? catalogue.byId.get(entry.parent) : undefined;
  return {
    id: entry.id,
    kind: entry.kind,
    title: localized(entry.title, lang),
    rating: entry.rating,
    summary: firstSentences(localized(entry.summary, lang), 2),
    context: firstSentences(localized(entry.context, lang), 3),
    parent: parent ? { id: parent.id, title: localized(parent.title, lang) } : null,
    denials: sortedDenials(entry),
    noOfficialDenial: entry.no_official_denial ?? null,
    firstSeen: entry.first_seen,
    updated: entry.updated,
  };
}
