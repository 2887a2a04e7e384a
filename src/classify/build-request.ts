/**
 * Builds the chat request within the input token budget: fixed parts (instructions, template,
 * response schema) first, then up to ~45% of what is left for candidate entries, the rest for the
 * article excerpt. Every estimate is conservative (see tokens.ts).
 */
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { Catalogue } from '../model/catalogue.js';
import type { Article, Match } from '../model/types.js';
import { type Candidate, type CandidateLimits, renderCandidates, selectCandidates } from './candidates.js';
import { buildExcerpt, passagesWithKeys } from './excerpt.js';
import { responseFormat } from './output-schema.js';
import { type PromptTemplate, renderTemplate } from './prompt.js';
import { type KeyFn, retrievalIndexFor } from './retrieval.js';
import { estimateTokens, MESSAGE_OVERHEAD_TOKENS } from './tokens.js';

export interface PlanInput {
  article: Pick<Article, 'title' | 'text' | 'language'>;
  lexical: ReadonlyArray<Match>;
  catalogue: Catalogue;
  template: PromptTemplate;
  model: string;
  budget: number;
  keys: KeyFn;
  limits: CandidateLimits;
}

export interface RequestPlan {
  body: ChatCompletionCreateParamsNonStreaming;
  candidates: Candidate[];
  /** Conservative estimate of the request's input tokens (always ≤ the budget). */
  estimatedTokens: number;
  excerptComplete: boolean;
}

/** Below this many tokens for candidates and article together, a request is not worth making. */
export const MIN_CONTENT_TOKENS = 600;
const CANDIDATE_SHARE = 0.45;

/** Reasoning models (o1, o3, o4-mini, gpt-5…) reject `temperature` and count reasoning in the output cap. */
export function isReasoningModel(model: string): boolean {
  return /^(o\d|gpt-5)/i.test(model.replace(/^.*\//, ''));
}

/** Tokens taken by everything but the candidates and the article. */
export function fixedTokens(template: PromptTemplate, candidateIds: ReadonlyArray<string>): number {
  return (
    estimateTokens(template.system) +
    estimateTokens(renderTemplate(template.user, { candidates: '', article: '' })) +
    estimateTokens(JSON.stringify(responseFormat(candidateIds))) +
    MESSAGE_OVERHEAD_TOKENS
  );
}

export function planRequest(input: PlanInput): RequestPlan {
  const { article, lexical, catalogue, template, model, budget, keys, limits } = input;
  const index = retrievalIndexFor(catalogue, keys);
  const { passages, passageKeys } = passagesWithKeys(article.text, keys);
  const query = new Set(keys(article.title ?? ''));
  for (const ks of passageKeys) for (const k of ks) query.add(k);
  const hits = index.search(query, limits.maxCandidates * 2);
  const selected = selectCandidates(catalogue, lexical, hits, limits);
  const fixed = fixedTokens(
    template,
    selected.map((c) => c.entry.id),
  );
  const content = budget - fixed;
  if (content < MIN_CONTENT_TOKENS) {
    throw new Error(`the LLM input token budget (${budget}) leaves only ${content} tokens for the article`);
  }
  const cands = renderCandidates(selected, article.language, Math.floor(content * CANDIDATE_SHARE));
  const shownKeys = new Set<string>();
  for (const c of cands.shown) for (const k of index.keysOf(c.entry.id)) shownKeys.add(k);
  const weight = (k: string): number => (shownKeys.has(k) ? index.idf(k) : 0);

  let articleBudget = content - cands.tokens;
  for (;;) {
    const excerpt = buildExcerpt({ article, lexical, passages, passageKeys, weight, budget: articleBudget });
    const user = renderTemplate(template.user, { candidates: cands.text, article: excerpt.text });
    const format = responseFormat(cands.shown.map((c) => c.entry.id));
    const estimatedTokens =
      estimateTokens(template.system) +
      estimateTokens(user) +
      estimateTokens(JSON.stringify(format)) +
      MESSAGE_OVERHEAD_TOKENS;
    if (estimatedTokens > budget && articleBudget > 0) {
      articleBudget -= estimatedTokens - budget + 10;
      continue;
    }
    const reasoning = isReasoningModel(model);
    const body: ChatCompletionCreateParamsNonStreaming = {
      model,
      messages: [
        { role: 'system', content: template.system },
        { role: 'user', content: user },
      ],
      response_format: format,
      ...(reasoning ? { max_completion_tokens: 4000 } : { temperature: 0, max_tokens: 1200 }),
    };
    return { body, candidates: cands.shown, estimatedTokens, excerptComplete: excerpt.complete };
  }
}
