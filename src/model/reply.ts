/** The platform-neutral reply: built by compose-reply, rendered by each adapter. */
import type { EntryKind, Method, ReplyLang, Stance } from './types.js';

export interface ReplyDenial {
  /** "Ministry of Defence of Kazakhstan (press service)" */
  who: string;
  type: 'official' | 'independent';
  date: string;
  url: string;
  via: string | null;
  quote: string | null;
}

export interface ReplyEntry {
  id: string;
  kind: EntryKind;
  title: string;
  rating: string;
  /** Two or three sentences of what is true. */
  context: string;
  parent: { id: string; title: string } | null;
  denials: ReplyDenial[];
  /** Set when the entry has no official denial: says so honestly. */
  noOfficialDenial: string | null;
  stance: Stance;
  confidence: number;
  method: Method;
  /** The sentence of the article that triggered the match. */
  evidence: string | null;
  /** True when this match is what raises the alert. */
  alerting: boolean;
  /** One line, in the reply's language, on why this stance, e.g. "repeats the claim, attributed to unnamed sources…". */
  why?: string;
}

export interface ReplyItem {
  input: string;
  url: string | null;
  title: string | null;
  status: 'ok' | 'error';
  /** One sentence for a person when the page could not be read. */
  errorMessage: string | null;
  alert: boolean;
  /** One line: "This article repeats a known false claim: …" */
  verdict: string;
  entries: ReplyEntry[];
  notes: string[];
}

export interface Reply {
  /** The language of the reply's fixed phrases and catalogue texts (English where missing). */
  lang: ReplyLang;
  alert: boolean;
  /** One line for notifications and plain-text fallbacks. */
  headline: string;
  items: ReplyItem[];
  /** Links in the message beyond the per-message cap. */
  skippedLinks: number;
  catalogueVersion: string;
}
