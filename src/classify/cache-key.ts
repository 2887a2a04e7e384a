/**
 * One model call per unique (content hash, catalogue version, model, prompt version): the key parts,
 * the key, and the parser for what the store gives back (stored data is parsed, never cast).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Article } from '../model/types.js';
import { loadPromptTemplate } from './prompt.js';

export interface CacheKeyParts {
  /** sha256 of the article's title and text (32 hex digits). */
  contentHash: string;
  catalogueVersion: string;
  model: string;
  promptVersion: string;
  /** Hash of the prompt file's text, so an edit without a version bump still misses the cache. */
  promptHash: string;
}

export function contentHash(article: Pick<Article, 'title' | 'text'>): string {
  return createHash('sha256')
    .update(article.title ?? '')
    .update('\u0000')
    .update(article.text)
    .digest('hex')
    .slice(0, 32);
}

let shipped: { version: string; hash: string } | null = null;

/**
 * The key parts of a classification. `prompt` defaults to the shipped prompt (prompts/ next to the
 * code, read once), which is what createClassifier uses unless given another promptsDir.
 */
export function cacheKeyParts(
  article: Pick<Article, 'title' | 'text'>,
  catalogueVersion: string,
  model: string,
  prompt?: { version: string; hash: string },
): CacheKeyParts {
  if (!prompt) {
    shipped ??= loadPromptTemplate();
    prompt = shipped;
  }
  return {
    contentHash: contentHash(article),
    catalogueVersion,
    model,
    promptVersion: prompt.version,
    promptHash: prompt.hash,
  };
}

export function cacheKey(p: CacheKeyParts): string {
  return `llm:v1:${p.promptVersion}+${p.promptHash}:${p.model}:${p.catalogueVersion}:${p.contentHash}`;
}

const matchSchema = z.object({
  id: z.string(),
  kind: z.enum(['claim', 'narrative']),
  stance: z.enum(['promotes', 'reports', 'debunks', 'unclear']),
  confidence: z.number().min(0).max(1),
  method: z.enum(['lexical', 'llm', 'lexical+llm']),
  evidence: z.array(z.object({ quote: z.string() })),
});

/** A ClassifyResponse as stored (without `cached`, which describes the call, not the answer). */
export const storedResponseSchema = z.object({
  matches: z.array(matchSchema),
  possiblyNewNarrative: z.string().nullable(),
  model: z.string(),
  promptVersion: z.string(),
  inputTokens: z.number(),
  outputTokens: z.number(),
});
export type StoredResponse = z.output<typeof storedResponseSchema>;
