/**
 * Ports: the small interfaces the core depends on. Each has an in-memory or local default;
 * tests inject fakes here instead of patching modules.
 */
import type { Catalogue, Entry } from '../claims/schema.js';
import type { Article, Match } from './types.js';

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

/** The lexical matcher built over a catalogue. */
export interface LexicalMatcher {
  match(article: Pick<Article, 'text' | 'title' | 'language'>): Match[];
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
