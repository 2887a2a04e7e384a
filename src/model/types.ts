/**
 * Platform-neutral types shared by every part of claimdesk.
 * The JSON shapes here are a contract (see README "JSON output"): change them only on purpose.
 */

/**
 * A text's language: the id of a language of the registry (lang/<id>/: en, ru and kk ship), or
 * 'other'. A new language folder adds its id without a code change, hence the open string.
 */
export type Language = string;
/** The languages replies and the catalogue are written in (English always; Russian and Kazakh where translated). */
export type ReplyLang = 'en' | 'ru' | 'kk';
export type Stance = 'promotes' | 'reports' | 'debunks' | 'unclear';
export type Method = 'lexical' | 'llm' | 'lexical+llm';
export type EntryKind = 'claim' | 'narrative';

export const ERROR_CODES = [
  'blocked_address',
  'timeout',
  'too_large',
  'unsupported_type',
  'http_status',
  'unreadable',
  'not_found',
  'invalid_input',
  /** The page could not be analysed within ANALYSIS_TIMEOUT_MS (very long or repetitive). */
  'too_complex',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A chat message, already translated from the platform's event by an adapter. */
export interface ChatMessage {
  platform: 'slack' | 'discord' | 'http' | 'cli';
  /** Raw text as the platform delivered it (Slack mrkdwn, Discord markdown, plain text). */
  text: string;
  /** Links the adapter found in structured parts of the event (e.g. Slack rich_text link elements). */
  extraLinks: string[];
  channelId: string;
  /** The message id (Slack ts, Discord snowflake). */
  messageId: string;
  /** The thread root when the message is in a thread. */
  threadId: string | null;
  authorId: string;
  /** Workspace / guild id, when the platform has one. */
  teamId: string | null;
}

/** An article read from a page, a Telegram post, a file or pasted text. */
export interface Article {
  /** The address that was finally read (after redirects), null for text and files. */
  url: string | null;
  /** The page's declared canonical URL, if any. */
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 date or date-time when the page declares one. */
  publishedAt: string | null;
  language: Language | null;
  /** The main text, paragraphs separated by blank lines. Navigation, sidebars and comments removed. */
  text: string;
  /** Where the text came from. */
  source: 'html' | 'telegram' | 'text' | 'file';
}

export interface Evidence {
  /** A verbatim sentence from the article text. */
  quote: string;
}

export interface Match {
  id: string;
  kind: EntryKind;
  stance: Stance;
  /** 0..1 */
  confidence: number;
  method: Method;
  evidence: Evidence[];
  /** One line (English) on why this stance (e.g. "repeats the claim, attributed to others, with no denial"). */
  why?: string;
  /** The same as data, so a reply can say it in its own language (lang/phrases/why.ts). */
  reason?: WhyReason;
}

/** Why a lexical match has its stance (match/stance.ts explains each). */
export type WhyCode =
  | 'counter'
  | 'refuted'
  | 'negated'
  | 'refutedArticle'
  | 'distance'
  | 'quoted'
  | 'attributed'
  | 'launderedReported'
  | 'laundered'
  | 'reportedArticle'
  | 'own';

export interface WhyReason {
  code: WhyCode;
  /** The narrative's vocabulary found across the article, as the catalogue writes it. */
  vocabulary?: string[];
  /** Rare words shared with one of the entry's examples (a match found through an example). */
  exampleWords?: number;
  /** The listed outlet or channel that published the article (sources/*.yaml). */
  source?: {
    name: string;
    kind: string;
    classifiedBy: string[];
    /** True when the source decided the stance (a reported-only match became `promotes`). */
    decided: boolean;
  };
}

export interface CheckError {
  code: ErrorCode;
  message: string;
}

/** One result of `check`; exactly the JSON contract's `results[]` item. */
export interface CheckResult {
  input: string;
  url: string | null;
  title: string | null;
  language: Language | null;
  status: 'ok' | 'error';
  error: CheckError | null;
  alert: boolean;
  matches: Match[];
}

/** What a check knows beyond the JSON contract (used for replies, logs and the cache). */
export interface CheckDetails {
  result: CheckResult;
  article: Article | null;
  /** Short notes for the reader, e.g. "The AI classifier was unavailable; lexical matching only." */
  notes: string[];
  /** Set when an LLM flagged a possibly new narrative that is not in the catalogue (never an alert). */
  possiblyNewNarrative: string | null;
  /** Token use of the LLM call, when one was made. */
  llm: {
    model: string;
    promptVersion: string;
    inputTokens: number;
    outputTokens: number;
    cached: boolean;
  } | null;
}

export interface CheckOutput {
  catalogue: { version: string; entries: number };
  results: CheckResult[];
}
