/**
 * What journalists taught the catalogue, as example suggestions per entry (pure): a "Missed a
 * narrative?" report becomes a `match` example (its sentence, the link as its source), a "Wrong
 * match" vote a `no_match` example (the alert's quote and link). Where a piece is missing (no
 * sentence, a language the catalogue does not have, a text that names an actor without an https
 * source) the suggestion is a placeholder the admin completes: suggest-yaml.ts prints it as a
 * comment, so what `claims suggest` prints always passes `claims lint` once pasted.
 */
import { type ActorIndex, namedActors } from '../claims/actors.js';
import { detectLanguage } from '../lang/detect.js';
import { type Catalogue, type Entry, httpsUrl } from '../model/catalogue.js';
import type { ReplyLang } from '../model/types.js';
import type { FeedbackVote } from '../store/feedback.js';
import type { StoredMissed } from '../store/missed.js';
import type { ReplyFacts } from '../store/reply-facts.js';
import { plainLine } from '../text/safe-text.js';

export interface ExampleSuggestion {
  /** Null: the language is not one of the catalogue's; the admin sets it. */
  lang: ReplyLang | null;
  /** Null: nobody gave the sentence; the admin writes it. */
  text: string | null;
  /** The link, when it can be a catalogue source (an absolute https address). */
  source: string | null;
  /** The link as it was reported (any scheme; never fetched). */
  link: string | null;
  /** Reports (or votes) that gave this same text and link. */
  reports: number;
  /** Dates of the first and the last report (YYYY-MM-DD). */
  first: string;
  last: string;
  /** Why the admin must finish it; null when it is ready to paste. */
  todo: string | null;
}

export interface EntrySuggestions {
  id: string;
  /** The entry's file, relative to the catalogue directory. */
  file: string;
  match: ExampleSuggestion[];
  no_match: ExampleSuggestion[];
}

export interface Suggestions {
  catalogue: { version: string; entries: number };
  entries: EntrySuggestions[];
  /** Reports and votes left out: their entry is no longer in the catalogue, or nothing new was said. */
  skipped: { unknownEntry: number; alreadyInCatalogue: number };
}

export interface WrongVote {
  vote: FeedbackVote & { at: string };
  /** What the alert said (reply-facts.ts); null when it was not kept. */
  facts: ReplyFacts | null;
}

export interface SuggestInput {
  catalogue: Catalogue;
  missed: readonly StoredMissed[];
  wrong: readonly WrongVote[];
  /** The provenance rule's actors (claims/meta/actors.yaml), when the catalogue has them. */
  actors: ActorIndex | null;
}

interface Raw {
  kind: 'match' | 'no_match';
  entryId: string;
  text: string | null;
  declared: string | null;
  link: string | null;
  at: string;
  /** For a vote whose alert was not kept: which reply it was on, so the admin can find it. */
  ref?: string;
}

const LANGS: ReadonlySet<string> = new Set(['en', 'ru', 'kk']);
const MAX_TEXT = 1000;
const sameText = (s: string): string => plainLine(s).toLowerCase();

function rawOf(input: SuggestInput): Raw[] {
  const out: Raw[] = input.missed.map((m) => ({
    kind: 'match',
    entryId: m.entryId,
    text: m.sentence,
    declared: null,
    link: m.link,
    at: m.at,
  }));
  for (const { vote, facts } of input.wrong) {
    if (vote.verdict !== 'wrong') continue;
    for (const entryId of vote.entryIds) {
      const links = (facts?.links ?? []).filter((l) => l.entries.some((e) => e.id === entryId));
      if (links.length === 0)
        out.push({
          kind: 'no_match',
          entryId,
          text: null,
          declared: null,
          link: null,
          at: vote.at,
          ref: `${vote.platform} message ${vote.messageId} in channel ${vote.channelId}`,
        });
      for (const l of links)
        out.push({
          kind: 'no_match',
          entryId,
          text: l.entries.find((e) => e.id === entryId)?.quote ?? null,
          declared: l.language,
          link: l.url,
          at: vote.at,
        });
    }
  }
  return out;
}

function suggestion(r: Raw, actors: ActorIndex | null): ExampleSuggestion {
  const text = r.text ? plainLine(r.text).slice(0, MAX_TEXT) || null : null;
  let detected = text ? detectLanguage(text, r.declared) : null;
  // The guesser is unsure of one short sentence; plain ASCII is taken for English (an admin reviews it).
  if (text && detected === 'other' && /^[\x20-\x7e]+$/.test(text)) detected = 'en';
  const lang = detected && LANGS.has(detected) ? (detected as ReplyLang) : null;
  const source = r.link && httpsUrl.safeParse(r.link).success ? r.link : null;
  const named = text && actors ? namedActors(text, actors, lang === 'kk') : [];
  const day = r.at.slice(0, 10);
  let todo: string | null = null;
  if (!text)
    todo =
      r.kind === 'match'
        ? 'no sentence was given: write the sentence of the article that should have matched'
        : `the alert’s quote was not kept (${r.ref ?? 'unknown reply'}): write the sentence that was wrongly matched`;
  else if (!lang) todo = 'set lang to en, ru or kk (the language was not recognised)';
  else if (named.length > 0 && !source)
    todo = `names ${named.map((a) => a.name).join(', ')}: add an https source where these words were seen, or write it without the name`;
  return { lang, text, source, link: r.link, reports: 1, first: day, last: day, todo };
}

/** Texts the entry already has, in any of its example lists (compared without case and spacing). */
function known(entry: Entry): Set<string> {
  const { match, no_match, debunk } = entry.examples;
  return new Set([...match, ...no_match, ...debunk].map((e) => sameText(e.text)));
}

export function suggestExamples(input: SuggestInput): Suggestions {
  const byEntry = new Map<string, EntrySuggestions>();
  const skipped = { unknownEntry: 0, alreadyInCatalogue: 0 };
  const merged = new Map<string, ExampleSuggestion>();
  for (const r of rawOf(input).sort((a, b) => a.at.localeCompare(b.at))) {
    const entry = input.catalogue.byId.get(r.entryId);
    if (!entry) {
      skipped.unknownEntry += 1;
      continue;
    }
    if (r.text && known(entry).has(sameText(r.text))) {
      skipped.alreadyInCatalogue += 1;
      continue;
    }
    const s = suggestion(r, input.actors);
    const same = `${r.kind}\0${r.entryId}\0${s.text === null ? `?${r.ref ?? ''}` : sameText(s.text)}\0${s.link}`;
    const earlier = merged.get(same);
    if (earlier) {
      earlier.reports += 1;
      earlier.last = s.last;
      continue;
    }
    merged.set(same, s);
    let e = byEntry.get(entry.id);
    if (!e) {
      e = { id: entry.id, file: `${entry.id}.yaml`, match: [], no_match: [] };
      byEntry.set(entry.id, e);
    }
    e[r.kind].push(s);
  }
  const order = new Map(input.catalogue.entries.map((e, i) => [e.id, i]));
  const entries = [...byEntry.values()].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    catalogue: { version: input.catalogue.version, entries: input.catalogue.entries.length },
    entries,
    skipped,
  };
}
