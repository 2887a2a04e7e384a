/**
 * Retries on 429 and 5xx honouring Retry-After, timeouts, the circuit breaker, and the cache — with
 * the real `openai` client against the local fake server. Waits are recorded by an injected sleep:
 * no test depends on wall-clock timing.
 */
import { describe, expect, it } from 'vitest';
import {
  type ClassifierDeps,
  cacheKey,
  cacheKeyParts,
  createClassifier,
  PROMPT_VERSION,
} from '../../src/classify/index.js';
import type { KeyValueStore } from '../../src/model/ports.js';
import { DependencyError } from '../../src/model/errors.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { jsonCompletion, rateLimited, serverError } from '../helpers/fake-openai.js';
import {
  answer,
  BIOLABS_SENTENCE,
  biolabsArticle,
  captureLogger,
  catalogue,
  FakeClock,
  fakeOpenAIPerTest,
  lexicalMatch,
  llmConfig,
  recordingSleep,
} from './setup.js';

const fake = fakeOpenAIPerTest();

const good = () =>
  jsonCompletion(answer([{ id: 'us-biolabs-in-kazakhstan', quote: BIOLABS_SENTENCE }]), {
    prompt: 900,
    completion: 30,
  });
const request = { article: biolabsArticle, lexical: [lexicalMatch('us-biolabs-in-kazakhstan')], catalogue };
const variant = (n: number) => ({ ...request, article: { ...biolabsArticle, title: `Story ${n}` } });

function make(over: Parameters<typeof llmConfig>[1] = {}, deps: Partial<ClassifierDeps> = {}) {
  const clock = new FakeClock();
  const rec = recordingSleep();
  const logger = captureLogger();
  const store = new MemoryStore(clock);
  const classifier = createClassifier(llmConfig(fake.baseUrl, over), {
    store,
    logger,
    clock,
    sleep: rec.sleep,
    ...deps,
  });
  return { classifier, clock, waits: rec.waits, logger, store };
}

async function rejection(p: Promise<unknown>): Promise<DependencyError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DependencyError)) throw new Error(`expected a DependencyError, got ${String(err)}`);
  expect(err.dependency).toBe('llm');
  return err;
}

describe('a 429 storm with Retry-After', () => {
  it('waits as asked (seconds, then an HTTP-date) and succeeds on the third attempt', async () => {
    const { classifier, clock, waits, logger } = make({ maxRetries: 2 });
    const inThreeSeconds = new Date(clock.now().getTime() + 3_000).toUTCString();
    fake.enqueue(rateLimited('1'), rateLimited(inThreeSeconds), good());
    const res = await classifier.classify(request);
    expect(res.matches).toHaveLength(1);
    expect(waits).toEqual([1_000, 3_000]);
    expect(fake.calls()).toBe(3);
    expect(logger.lines.find((l) => l.msg === 'llm classified')?.obj).toMatchObject({ attempts: 3 });
    expect(logger.lines.filter((l) => l.msg === 'llm call failed; retrying')).toHaveLength(2);
  });

  it('prefers retry-after-ms when the server sends it', async () => {
    const { classifier, waits } = make();
    fake.enqueue(rateLimited('20', { 'retry-after-ms': '250' }), good());
    await classifier.classify(request);
    expect(waits).toEqual([250]);
  });

  it('gives up with DependencyError when the storm outlasts the retries', async () => {
    const { classifier, waits } = make({ maxRetries: 2 });
    fake.setFallback(rateLimited('2'));
    const err = await rejection(classifier.classify(request));
    expect(err.message).toBe('The AI service is rate-limited right now.');
    expect(fake.calls()).toBe(3);
    expect(waits).toEqual([2_000, 2_000]);
  });

  it('gives up at once rather than wait longer than the cap (and never sooner than asked)', async () => {
    const { classifier, waits } = make({ maxRetries: 5 }, { maxRetryDelayMs: 10_000 });
    fake.enqueue(rateLimited('3600'));
    await rejection(classifier.classify(request));
    expect(fake.calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('retries for real with a tiny Retry-After when no sleep is injected', async () => {
    const logger = captureLogger();
    const classifier = createClassifier(llmConfig(fake.baseUrl), { store: new MemoryStore(), logger });
    fake.enqueue(rateLimited('0.01'), good());
    const res = await classifier.classify(request);
    expect(res.matches).toHaveLength(1);
    expect(fake.calls()).toBe(2);
  });
});

describe('server errors and timeouts', () => {
  it('backs off exponentially on 5xx without Retry-After', async () => {
    const { classifier, waits } = make({ maxRetries: 2 });
    fake.enqueue(serverError(502), serverError(503), good());
    await classifier.classify(request);
    expect(waits).toHaveLength(2);
    const [first, second] = waits;
    expect(first).toBeGreaterThanOrEqual(250);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(500);
    expect(second).toBeLessThanOrEqual(1_000);
  });

  it('does not retry a 400 or 401', async () => {
    const { classifier, waits } = make();
    fake.enqueue({
      status: 400,
      body: { error: { message: 'Invalid schema', type: 'invalid_request_error' } },
    });
    const err = await rejection(classifier.classify(request));
    expect(err.message).toBe('The AI service refused the request (HTTP 400).');
    expect(fake.calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('rejects a model that does not answer in time, without retrying it', async () => {
    const { classifier } = make({ timeoutMs: 200, maxRetries: 2 });
    fake.enqueue({ ...good(), delayMs: 10_000 });
    const err = await rejection(classifier.classify(request));
    expect(err.message).toBe('The AI classifier did not answer in time.');
    expect(fake.calls()).toBe(1);
  });

  it('rejects when the caller cancels', async () => {
    const { classifier } = make({ timeoutMs: 5_000 });
    fake.enqueue({ ...good(), delayMs: 10_000 });
    const ctl = new AbortController();
    const p = classifier.classify({ ...request, signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    const err = await rejection(p);
    expect(err.message).toBe('The check was cancelled.');
  });
});

describe('the circuit breaker', () => {
  it('opens after three failed checks: the next one fails at once without a call', async () => {
    const { classifier } = make({ maxRetries: 0 });
    fake.setFallback(serverError(500));
    for (let i = 0; i < 3; i++) {
      const err = await rejection(classifier.classify(variant(i)));
      expect(err.message).toBe('The AI service returned an error (HTTP 500).');
    }
    expect(fake.calls()).toBe(3);
    const err = await rejection(classifier.classify(variant(3)));
    expect(err.message).toBe('The AI classifier is paused after repeated failures.');
    expect(fake.calls()).toBe(3);
  });

  it('lets one trial through after the cool-down: success closes it, failure opens it again', async () => {
    const { classifier, clock } = make(
      { maxRetries: 0 },
      { breaker: { failureThreshold: 2, cooldownMs: 30_000 } },
    );
    fake.enqueue(serverError(500), serverError(500));
    await rejection(classifier.classify(variant(1)));
    await rejection(classifier.classify(variant(2)));
    clock.advance(29_999);
    await rejection(classifier.classify(variant(3)));
    expect(fake.calls()).toBe(2);

    clock.advance(1);
    fake.enqueue(serverError(503));
    await rejection(classifier.classify(variant(4))); // the trial fails
    expect(fake.calls()).toBe(3);
    const err = await rejection(classifier.classify(variant(5))); // open again
    expect(err.message).toMatch(/paused/);
    expect(fake.calls()).toBe(3);

    clock.advance(30_000);
    fake.enqueue(good(), good());
    await expect(classifier.classify(variant(6))).resolves.toMatchObject({ cached: false });
    await expect(classifier.classify(variant(7))).resolves.toMatchObject({ cached: false });
    expect(fake.calls()).toBe(5);
  });

  it('counts a retried storm as one failure', async () => {
    const { classifier } = make({ maxRetries: 2 }, { breaker: { failureThreshold: 2 } });
    fake.enqueue(serverError(500), serverError(500), serverError(500), good());
    await rejection(classifier.classify(variant(1)));
    await expect(classifier.classify(variant(2))).resolves.toMatchObject({ cached: false });
    expect(fake.calls()).toBe(4);
  });
});

describe('the cache', () => {
  it('answers a repeated article from the store without a call, with zero tokens for that check', async () => {
    const { classifier } = make();
    fake.enqueue(good());
    const first = await classifier.classify(request);
    const second = await classifier.classify(request);
    expect(fake.calls()).toBe(1);
    expect(first).toMatchObject({ cached: false, inputTokens: 900, outputTokens: 30 });
    expect(second).toEqual({ ...first, cached: true, inputTokens: 0, outputTokens: 0 });
  });

  it('shares one call between concurrent checks of the same article', async () => {
    const { classifier } = make();
    fake.enqueue({ ...good(), delayMs: 50 });
    const [a, b] = await Promise.all([classifier.classify(request), classifier.classify(request)]);
    expect(fake.calls()).toBe(1);
    expect([a.cached, b.cached].sort()).toEqual([false, true]);
  });

  it('calls again for another catalogue version or another model, not for another URL of the same text', async () => {
    const store = new MemoryStore();
    const { classifier } = make({}, { store });
    fake.setFallback(good());
    await classifier.classify(request);
    await classifier.classify({
      ...request,
      article: { ...biolabsArticle, url: 'https://mirror.example/x' },
    });
    expect(fake.calls()).toBe(1);
    await classifier.classify({ ...request, catalogue: { ...catalogue, version: 'cat-next' } });
    expect(fake.calls()).toBe(2);
    const other = make({ model: 'gpt-4.1' }, { store }).classifier;
    await other.classify(request);
    expect(fake.calls()).toBe(3);
    await other.classify(request);
    expect(fake.calls()).toBe(3);
  });

  it('does not cache a failure', async () => {
    const { classifier } = make({ maxRetries: 0 });
    fake.enqueue(serverError(500), good());
    await rejection(classifier.classify(request));
    await expect(classifier.classify(request)).resolves.toMatchObject({ cached: false });
    expect(fake.calls()).toBe(2);
  });

  it('still classifies when the store fails', async () => {
    const broken: KeyValueStore = {
      get: async () => {
        throw new DependencyError('store', 'The store is unreachable.');
      },
      set: async () => {
        throw new DependencyError('store', 'The store is unreachable.');
      },
      setIfAbsent: async () => false,
      delete: async () => {},
      close: async () => {},
    };
    const { classifier, logger } = make({}, { store: broken });
    fake.setFallback(good());
    await expect(classifier.classify(request)).resolves.toMatchObject({ cached: false });
    expect(logger.lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['llm cache read failed', 'llm cache write failed']),
    );
  });

  it('uses the key the exported helper gives, and ignores a stored value of the wrong shape', async () => {
    const store = new MemoryStore();
    const parts = cacheKeyParts(biolabsArticle, catalogue.version, 'gpt-4.1-mini');
    expect(parts).toMatchObject({
      catalogueVersion: catalogue.version,
      model: 'gpt-4.1-mini',
      promptVersion: PROMPT_VERSION,
    });
    expect(parts.contentHash).toMatch(/^[0-9a-f]{32}$/);
    const key = cacheKey(parts);
    const stored = {
      matches: [lexicalMatch('us-biolabs-in-kazakhstan', { method: 'llm', confidence: 0.5 })],
      possiblyNewNarrative: null,
      model: 'gpt-4.1-mini',
      promptVersion: PROMPT_VERSION,
      inputTokens: 10,
      outputTokens: 2,
    };
    await store.set(key, stored);
    const { classifier } = make({}, { store });
    await expect(classifier.classify(request)).resolves.toEqual({
      ...stored,
      inputTokens: 0,
      outputTokens: 0,
      cached: true,
    });
    expect(fake.calls()).toBe(0);

    await store.set(key, { matches: 'none', model: 42 });
    fake.setFallback(good());
    await expect(classifier.classify(request)).resolves.toMatchObject({ cached: false });
    expect(fake.calls()).toBe(1);
  });
});
