/** The fixed phrases of replies, one table per language (en is complete; others fall back to it). */
import type { EntryKind, Stance } from '../../model/types.js';

export interface Phrases {
  kind: Record<EntryKind, string>;
  stance: Record<Stance, string>;
  verdict: {
    repeatsClaim(title: string): string;
    pushesNarrative(title: string): string;
    mayRepeat(kind: EntryKind, title: string): string;
    debunks(kind: EntryKind, title: string): string;
    reportsOn(kind: EntryKind, title: string): string;
    weak(kind: EntryKind, title: string): string;
    nothingFound: string;
    unreadable(reason: string): string;
    moreAlerts(n: number): string;
    noAlertFor(n: number): string;
  };
  label: {
    denials: string;
    noOfficialDenial: string;
    evidence: string;
    partOf(title: string): string;
    rated(rating: string): string;
    confidence(pct: number): string;
    article: string;
    note: string;
    skipped(n: number): string;
    catalogueVersion(v: string): string;
    helpful: string;
    wrong: string;
    share: string;
    leftOut: string;
    whatIsTrue: string;
    alsoMatched: string;
    possiblyNew(text: string): string;
  };
  /** After a Helpful / Wrong match click. */
  thanks: { helpful: string; wrong: string };
  neutralError: string;
  notAdmin: string;
}
