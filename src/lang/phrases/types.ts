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
  /** The private note for an unsure match (below the alert, at or above NOTE_THRESHOLD). Plain text. */
  unsure: {
    /** Its first line where only the poster sees it (Slack). */
    privateIntro: string;
    /** Its first line where it is posted in the thread (Discord, when the server asks for it). */
    threadIntro: string;
    /** One unsure match: "Possibly the known claim “…” (confidence 42%)". */
    line(kind: EntryKind, title: string, pct: number): string;
    /** Under the matches: what the button is for. */
    ask: string;
  };
  /** "Missed a narrative?": the button, its form, and the answers. */
  missed: {
    button: string;
    /** The form's title (at most 24 characters: Slack's limit). */
    title: string;
    submit: string;
    /** Field labels (at most 45 characters: Discord's limit) and hints. */
    link: string;
    entry: string;
    entryHint: string;
    sentence: string;
    sentenceHint: string;
    thanks(id: string, withSentence: boolean): string;
    noLink: string;
    noEntry: string;
    unknownEntry(id: string, close: readonly string[]): string;
    tooLong(max: number): string;
  };
}
