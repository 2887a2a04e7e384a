/**
 * The optional LLM classifier (any OpenAI-compatible endpoint through the `openai` client):
 * catalogue-constrained, quote-verified, cached per (content, catalogue, model, prompt), bounded in
 * input tokens, with retries and a circuit breaker. `classify` resolves with validated findings or
 * rejects with DependencyError('llm', sentence); the pipeline then falls back to lexical matching.
 */
import OpenAI from 'openai';
import type { Config } from '../model/config.js';
import type {
  Classifier,
  ClassifyRequest,
  ClassifyResponse,
  Clock,
  KeyValueStore,
  Logger,
} from '../model/ports.js';
import { systemClock } from '../model/ports.js';
import { ConfigError, DependencyError } from '../model/errors.js';
import { createVocabularyCheck } from '../match/entry-vocabulary.js';
import { termKeys } from '../text/normalize.js';
import { fixedTokens, MIN_CONTENT_TOKENS, planRequest } from './build-request.js';
import { cacheKey, cacheKeyParts } from './cache-key.js';
import { CircuitBreaker, type BreakerOptions, DEFAULT_BREAKER } from './breaker.js';
import { callModel, Failure } from './call-model.js';
import { DEFAULT_CANDIDATE_LIMITS, type CandidateLimits } from './candidates.js';
import { loadPromptTemplate } from './prompt.js';
import type { KeyFn } from './retrieval.js';
import { DEFAULT_RETRY, sleep as realSleep } from './retry.js';
import { createResultCache } from './result-cache.js';
import { parseModelOutput } from './output-schema.js';
import { tieResponse } from './tie-to-entry.js';
import { validateFindings } from './validate.js';

export { cacheKey, cacheKeyParts, type CacheKeyParts, contentHash } from './cache-key.js';
export { mergeFindings } from './merge.js';
export { PROMPT_VERSION } from './prompt.js';
export { estimateTokens } from './tokens.js';

export type LlmConfig = NonNullable<Config['llm']>;

export interface ClassifierDeps {
  store: KeyValueStore;
  logger: Logger;
  clock?: Clock;
  client?: OpenAI;
  promptsDir?: string;
  /** Tests record waits here instead of sleeping. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  breaker?: Partial<BreakerOptions>;
  candidates?: Partial<CandidateLimits>;
  /** Longest single wait for a Retry-After; a server asking for more makes the call fail at once. */
  maxRetryDelayMs?: number;
  /** How long a classification is kept in the store (default 30 days; the key changes with the catalogue). */
  cacheTtlMs?: number;
  keys?: KeyFn;
}

const UNAVAILABLE_OPEN = 'The AI classifier is paused after repeated failures.';

export function createOpenAIClient(llm: LlmConfig): OpenAI {
  return new OpenAI({
    apiKey: llm.apiKey ?? 'not-needed',
    baseURL: llm.baseUrl ?? undefined,
    timeout: llm.timeoutMs,
    maxRetries: 0,
  });
}

export function createClassifier(llm: LlmConfig, deps: ClassifierDeps): Classifier {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child({ component: 'classify' });
  const client = deps.client ?? createOpenAIClient(llm);
  const template = loadPromptTemplate(deps.promptsDir);
  const limits: CandidateLimits = { ...DEFAULT_CANDIDATE_LIMITS, ...deps.candidates };
  const keys = deps.keys ?? termKeys;
  const breaker = new CircuitBreaker({ ...DEFAULT_BREAKER, ...deps.breaker }, clock);
  const retry = {
    ...DEFAULT_RETRY,
    maxRetries: llm.maxRetries,
    ...(deps.maxRetryDelayMs !== undefined ? { maxDelayMs: deps.maxRetryDelayMs } : {}),
  };
  const cache = createResultCache(deps.store, logger, deps.cacheTtlMs ?? 30 * 24 * 3_600_000);
  const inFlight = new Map<string, Promise<ClassifyResponse>>();

  /** The stored answer is the model's; each use ties it to its entries afresh (cached ones too). */
  function tie(res: ClassifyResponse, req: ClassifyRequest): ClassifyResponse {
    const tied = tieResponse(res, req, createVocabularyCheck(req.catalogue));
    if (tied.untied.length > 0)
      logger.info({ untied: tied.untied, cached: res.cached }, 'llm findings untied: notes only');
    return { ...res, matches: tied.matches };
  }

  // Checked at start with long ids (64 characters), so no real request can fall short later.
  const longIds = Array.from({ length: limits.maxCandidates }, (_, i) => `${i}`.padEnd(64, 'x'));
  const worst = fixedTokens(template, longIds);
  if (llm.inputTokenBudget - worst < MIN_CONTENT_TOKENS) {
    throw new ConfigError(
      `LLM_INPUT_TOKENS=${llm.inputTokenBudget} is too small for prompt ${template.version}: use at least ${worst + MIN_CONTENT_TOKENS}`,
    );
  }

  async function run(req: ClassifyRequest, key: string, hash: string): Promise<ClassifyResponse> {
    const { article, lexical, catalogue } = req;
    const log = { contentHash: hash.slice(0, 12), model: llm.model, promptVersion: template.version };
    if (!breaker.tryAcquire()) {
      logger.warn({ ...log, retryInMs: breaker.retryInMs() }, 'llm skipped: circuit open');
      throw new DependencyError('llm', UNAVAILABLE_OPEN);
    }
    const started = clock.now().getTime();
    try {
      const plan = planRequest({
        article,
        lexical,
        catalogue,
        template,
        model: llm.model,
        budget: llm.inputTokenBudget,
        keys,
        limits,
      });
      const answer = await callModel(client, plan.body, {
        retry,
        clock,
        sleep: deps.sleep ?? realSleep,
        signal: req.signal,
        onRetry: (r) => logger.warn({ ...log, ...r }, 'llm call failed; retrying'),
      });
      const output = parseModelOutput(answer.content);
      if (!output.ok) {
        throw new Failure('malformed', 'The AI classifier returned an answer that could not be read.');
      }
      const validated = validateFindings(output, {
        article,
        catalogue,
        candidateIds: new Set(plan.candidates.map((c) => c.entry.id)),
      });
      breaker.record('success');
      const response: ClassifyResponse = {
        matches: validated.matches,
        possiblyNewNarrative: validated.possiblyNewNarrative,
        model: llm.model,
        promptVersion: template.version,
        inputTokens: answer.inputTokens,
        outputTokens: answer.outputTokens,
        cached: false,
      };
      logger.info(
        {
          ...log,
          candidates: plan.candidates.length,
          estimatedInputTokens: plan.estimatedTokens,
          excerptComplete: plan.excerptComplete,
          findings: validated.matches.map((m) => ({ id: m.id, stance: m.stance, confidence: m.confidence })),
          dropped: validated.dropped,
          possiblyNewNarrative: validated.possiblyNewNarrative !== null,
          inputTokens: answer.inputTokens,
          outputTokens: answer.outputTokens,
          usageReported: answer.usageReported,
          attempts: answer.attempts,
          durationMs: clock.now().getTime() - started,
        },
        'llm classified',
      );
      await cache.put(key, response);
      return response;
    } catch (err) {
      const failure = err instanceof Failure ? err : null;
      const kind = failure?.kind ?? 'internal';
      breaker.record(kind === 'refusal' || kind === 'aborted' ? 'neutral' : 'failure');
      const detail = failure || err instanceof DependencyError ? {} : { error: String(err) };
      logger.warn(
        { ...log, reason: kind, status: failure?.status ?? null, breaker: breaker.state, ...detail },
        'llm unavailable',
      );
      if (err instanceof DependencyError) throw err;
      const sentence = failure?.message ?? 'The AI classifier failed unexpectedly.';
      throw new DependencyError('llm', sentence, { cause: err });
    }
  }

  return {
    async classify(req) {
      const parts = cacheKeyParts(req.article, req.catalogue.version, llm.model, template);
      const key = cacheKey(parts);
      const hit = await cache.get(key);
      if (hit) return tie({ ...hit, inputTokens: 0, outputTokens: 0, cached: true }, req);
      // A check of the same text already under way: share its call (this one costs nothing).
      const pending = inFlight.get(key);
      if (pending) {
        const res = await pending;
        return tie({ ...res, inputTokens: 0, outputTokens: 0, cached: true }, req);
      }
      const p = run(req, key, parts.contentHash);
      inFlight.set(key, p);
      try {
        return tie(await p, req);
      } finally {
        inFlight.delete(key);
      }
    },
  };
}
