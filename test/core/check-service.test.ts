import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import type { Catalogue } from '../../src/model/catalogue.js';
import { createCheckService, LLM_UNAVAILABLE_NOTE } from '../../src/pipeline/check-service.js';
import type { ArticleFetcher, Classifier, ClassifyResponse } from '../../src/model/ports.js';
import { DependencyError, FetchError } from '../../src/model/errors.js';
import { silentLogger } from '../../src/logger.js';
import { createInlineAnalyzer } from '../../src/analysis/inline-analyzer.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { testArticle } from '../helpers/articles.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue('claims');
});

const PROMO = 'Kazakhstan opens a NATO peacekeeping centre where its troops will train to NATO standards.';
const PARAPHRASE = 'Washington now runs its own military training hub for the Kazakh army in Almaty.';

function fakeFetcher(pages: Record<string, string>) {
  const calls: string[] = [];
  const fetcher: ArticleFetcher = {
    async fetchArticle(url) {
      calls.push(url);
      const text = pages[url];
      if (url.includes('blocked'))
        throw new FetchError('blocked_address', 'That address is on a private network.');
      if (text === undefined) throw new FetchError('not_found', 'The page was not found (HTTP 404).');
      return testArticle(text, { url, language: 'en' });
    },
  };
  return { fetcher, calls };
}

function service(
  fetcher: ArticleFetcher,
  classifier: Classifier | null,
  { store = new MemoryStore(), alertThreshold = 0.5 } = {},
) {
  return createCheckService({
    catalogue,
    analyzer: createInlineAnalyzer(catalogue),
    fetcher,
    classifier,
    store,
    logger: silentLogger,
    settings: {
      alertThreshold,
      maxLinksPerMessage: 2,
      cacheTtlMs: 60_000,
      llmLabel: 'fake/classify.v1',
    },
  });
}

function llmAnswer(over: Partial<ClassifyResponse> = {}): ClassifyResponse {
  return {
    matches: [],
    possiblyNewNarrative: null,
    model: 'fake',
    promptVersion: 'classify.v1',
    inputTokens: 120,
    outputTokens: 30,
    cached: false,
    ...over,
  };
}

describe('check service', () => {
  it('falls back to lexical matching with one short note when the LLM is unavailable, and does not cache that', async () => {
    const { fetcher, calls } = fakeFetcher({ 'https://news.example/a': PROMO });
    let llmCalls = 0;
    const failing: Classifier = {
      async classify() {
        llmCalls += 1;
        throw new DependencyError('llm', 'The AI classifier did not answer in time.');
      },
    };
    const s = service(fetcher, failing);
    const first = await s.checkUrl('https://news.example/a');
    expect(first.result.alert).toBe(true);
    expect(first.result.matches.every((m) => m.method === 'lexical')).toBe(true);
    expect(first.notes).toEqual([LLM_UNAVAILABLE_NOTE]);
    await s.checkUrl('https://news.example/a');
    expect(calls).toHaveLength(2);
    expect(llmCalls).toBe(2);
  });

  it('merges an LLM finding with a verified quote and records token use; a repeat is served from the cache', async () => {
    const { fetcher, calls } = fakeFetcher({ 'https://news.example/b': PARAPHRASE });
    let llmCalls = 0;
    const classifier: Classifier = {
      async classify() {
        llmCalls += 1;
        return llmAnswer({
          matches: [
            {
              id: 'nato-peacekeeping-centre',
              kind: 'claim',
              stance: 'promotes',
              confidence: 0.8,
              method: 'llm',
              evidence: [{ quote: PARAPHRASE }],
            },
          ],
        });
      },
    };
    const s = service(fetcher, classifier);
    const d = await s.checkUrl('https://news.example/b?utm_source=x');
    expect(d.result.matches).toEqual([
      expect.objectContaining({ id: 'nato-peacekeeping-centre', method: 'llm' }),
    ]);
    expect(d.result.alert).toBe(true);
    expect(d.llm).toMatchObject({ inputTokens: 120, outputTokens: 30 });
    const again = await s.checkUrl('https://news.example/b');
    expect(again.result.matches).toEqual(d.result.matches);
    expect(again.result.input).toBe('https://news.example/b');
    expect(calls).toEqual(['https://news.example/b']);
    expect(llmCalls).toBe(1);
  });

  it('never calls the LLM offline, and keeps offline and LLM results apart in the cache', async () => {
    const { fetcher } = fakeFetcher({ 'https://news.example/c': PROMO });
    let llmCalls = 0;
    const classifier: Classifier = {
      async classify() {
        llmCalls += 1;
        return llmAnswer();
      },
    };
    const s = service(fetcher, classifier);
    await s.checkUrl('https://news.example/c', { offline: true });
    expect(llmCalls).toBe(0);
    await s.checkUrl('https://news.example/c');
    expect(llmCalls).toBe(1);
  });

  it('checks each link of a message, caps them, and a failed link never stops the others', async () => {
    const { fetcher } = fakeFetcher({ 'https://news.example/ok': PROMO });
    const s = service(fetcher, null);
    const res = await s.checkMessage({
      platform: 'slack',
      text: 'see <https://news.example/missing> and <https://news.example/ok|this> and https://news.example/third',
      extraLinks: [],
      channelId: 'C1',
      messageId: '1.1',
      threadId: null,
      authorId: 'U1',
      teamId: 'T1',
    });
    expect(res.skipped).toBe(1);
    expect(res.details.map((d) => d.result.status)).toEqual(['error', 'ok']);
    expect(res.details[0]?.result.error).toEqual({
      code: 'not_found',
      message: 'The page was not found (HTTP 404).',
    });
    expect(res.details[1]?.result.alert).toBe(true);
  });

  it('answers invalid input and empty text with a sentence, without fetching', async () => {
    const { fetcher, calls } = fakeFetcher({});
    const s = service(fetcher, null);
    expect((await s.checkUrl('javascript:alert(1)')).result.error?.code).toBe('invalid_input');
    expect((await s.checkText('   ', 'text')).result.error?.code).toBe('invalid_input');
    expect(calls).toEqual([]);
  });

  it('gives no url for an address refused before any request, and the read url otherwise', async () => {
    const { fetcher } = fakeFetcher({});
    const s = service(fetcher, null);
    expect((await s.checkUrl('https://blocked.example/x')).result).toMatchObject({
      url: null,
      error: { code: 'blocked_address' },
    });
    expect((await s.checkUrl('https://news.example/gone')).result).toMatchObject({
      url: 'https://news.example/gone',
      error: { code: 'not_found' },
    });
  });

  it('keys cached text by its title too, since a debunk headline changes the verdict', async () => {
    const { fetcher } = fakeFetcher({});
    const s = service(fetcher, null);
    const plain = await s.checkText(PROMO, 'a.html');
    const titled = await s.checkText(PROMO, 'b.html', { title: 'Fact check: the NATO centre story is fake' });
    expect(plain.result.title).toBeNull();
    expect(titled.result.title).toBe('Fact check: the NATO centre story is fake');
  });

  it('recomputes a cached alert at the current threshold', async () => {
    const { fetcher, calls } = fakeFetcher({ 'https://news.example/t': PROMO });
    const store = new MemoryStore();
    expect((await service(fetcher, null, { store }).checkUrl('https://news.example/t')).result.alert).toBe(
      true,
    );
    const strict = await service(fetcher, null, { store, alertThreshold: 1 }).checkUrl(
      'https://news.example/t',
    );
    expect(calls).toHaveLength(1);
    expect(strict.result.alert).toBe(false);
  });
});
