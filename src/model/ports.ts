/**
 * Ports: the small interfaces the core depends on. Each has an in-memory or local default;
 * tests inject fakes here instead of patching modules.
 */
import type { Catalogue, Entry } from './catalogue.js';
import type { Article, Language, Match } from './types.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The subset of pino's logger the code uses. Never log secrets: config redacts them. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}

/** Key-value store (keyv over SQLite or Redis, or memory). Values are JSON-serialisable. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /**
   * Sets the key only when it is absent, atomically across replicas; true when this call set it.
   * Use it for once-markers (idempotency) only: on Redis these keys live in their own namespace and
   * are not read back through get().
   */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Reads a URL into an Article, or throws FetchError with a contract code and a sentence for a person. */
export interface ArticleFetcher {
  fetchArticle(url: string, signal?: AbortSignal): Promise<Article>;
}

/** A fetched page, before extraction: HTML or plain text of an address, or a Telegram post preview. */
export type FetchedPage =
  | { kind: 'html' | 'text'; text: string; url: string }
  | { kind: 'telegram'; text: string; channel: string; id: string };

/**
 * Article analysis (extraction, language, lexical matching): the CPU-heavy steps. The server runs
 * them in a pool of worker threads with a time budget (analysis/pool-analyzer.ts); the CLI and
 * tests may run them inline (analysis/inline-analyzer.ts). A step over its budget rejects with
 * FetchError code `too_complex`.
 */
export interface Analyzer {
  extract(page: FetchedPage, signal?: AbortSignal): Promise<Article>;
  language(text: string, signal?: AbortSignal): Promise<Language | null>;
  match(article: MatchInput, signal?: AbortSignal): Promise<Match[]>;
  close(): Promise<void>;
}

/** What the matcher reads of an article; the URL, when known, may name a listed source. */
export type MatchInput = Pick<Article, 'text' | 'title' | 'language'> & { url?: string | null };

/** The lexical matcher built over a catalogue. */
export interface LexicalMatcher {
  match(article: MatchInput): Match[];
}

export interface LookupHit {
  entry: Entry;
  score: number;
}

/** Input and output of the optional LLM classifier. */
export interface ClassifyRequest {
  article: Article;
  lexical: Match[];
  catalogue: Catalogue;
  signal?: AbortSignal;
}
export interface ClassifyResponse {
  /** LLM findings, already validated (ids in the catalogue, quotes found in the text). */
  matches: Match[];
  possiblyNewNarrative: string | null;
  model: string;
  promptVersion: string;
  inputTokens: number;
  outputTokens: number;
  cached: boolean;
}
export interface Classifier {
  classify(req: ClassifyRequest): Promise<ClassifyResponse>;
}
