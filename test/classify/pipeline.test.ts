/**
 * The classifier between the real lexical matcher and mergeFindings, as the pipeline and
 * `npm run eval -- --llm` use it: agreement merges into "lexical+llm"; an unavailable model leaves
 * the lexical result as it was.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, mergeFindings } from '../../src/classify/index.js';
import type { Match } from '../../src/model/types.js';
import { DependencyError } from '../../src/model/errors.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { jsonCompletion, messagesOf, serverError } from '../helpers/fake-openai.js';
import {
  answer,
  BIOLABS_SENTENCE,
  biolabsArticle,
  captureLogger,
  catalogue,
  fakeOpenAIPerTest,
  llmConfig,
} from './setup.js';

const fake = fakeOpenAIPerTest();

describe('matcher → classifier → merge', () => {
  const lexical: Match[] = createLexicalMatcher(catalogue).match(biolabsArticle);

  it('the matcher finds the biolabs claim with a verbatim sentence, which reaches the model', async () => {
    expect(lexical.map((m) => m.id)).toContain('us-biolabs-in-kazakhstan');
    const quotes = lexical.flatMap((m) => m.evidence.map((e) => e.quote));
    for (const q of quotes) expect(biolabsArticle.text).toContain(q);

    fake.enqueue(
      jsonCompletion(
        answer([
          { id: 'us-biolabs-in-kazakhstan', stance: 'promotes', confidence: 0.8, quote: BIOLABS_SENTENCE },
        ]),
      ),
    );
    const classifier = createClassifier(llmConfig(fake.baseUrl), {
      store: new MemoryStore(),
      logger: captureLogger(),
    });
    const res = await classifier.classify({ article: biolabsArticle, lexical, catalogue });
    const user = messagesOf(fake.requests[0])[1]?.content ?? '';
    for (const q of quotes) expect(user).toContain(q);
    const merged = mergeFindings(lexical, res.matches).find((m) => m.id === 'us-biolabs-in-kazakhstan');
    expect(merged?.method).toBe('lexical+llm');
    const before = lexical.find((m) => m.id === 'us-biolabs-in-kazakhstan')?.confidence ?? 1;
    expect(merged?.confidence).toBeGreaterThan(before);
  });

  it('falls back to the lexical result when the model is down: a DependencyError, then the breaker, no call', async () => {
    fake.setFallback(serverError(500));
    const classifier = createClassifier(llmConfig(fake.baseUrl, { maxRetries: 0 }), {
      store: new MemoryStore(),
      logger: captureLogger(),
      breaker: { failureThreshold: 1 },
    });
    const check = async (): Promise<Match[]> => {
      try {
        const res = await classifier.classify({ article: biolabsArticle, lexical, catalogue });
        return mergeFindings(lexical, res.matches);
      } catch (err) {
        expect(err).toBeInstanceOf(DependencyError);
        return lexical;
      }
    };
    expect(await check()).toEqual(lexical);
    expect(fake.calls()).toBe(1);
    expect(await check()).toEqual(lexical);
    expect(fake.calls()).toBe(1);
  });
});
