/**
 * Analysis in worker threads: the same results as inline, a time budget that ends in `too_complex`,
 * and an event loop that stays free while a worker grinds through a hostile page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInlineAnalyzer } from '../../src/analysis/inline-analyzer.js';
import { createPoolAnalyzer } from '../../src/analysis/pool-analyzer.js';
import { loadCatalogue } from '../../src/claims/load.js';
import type { Catalogue } from '../../src/model/catalogue.js';
import type { Analyzer } from '../../src/model/ports.js';
import { FetchError } from '../../src/model/errors.js';
import { PROMOTING_RU } from '../helpers/articles.js';

const SENTENCE =
  'В Алматы открылся миротворческий центр НАТО, где казахстанские военные будут обучаться по стандартам альянса. ';

/** About `bytes` of one matching sentence, repeated: the page that froze the first version. */
function hostile(bytes: number): string {
  const per = Buffer.byteLength(SENTENCE);
  return SENTENCE.repeat(Math.ceil(bytes / per));
}

let catalogue: Catalogue;
let inline: Analyzer;
const pools: Analyzer[] = [];

function pool(timeoutMs: number): Analyzer {
  const p = createPoolAnalyzer({ catalogue, threads: 1, timeoutMs });
  pools.push(p);
  return p;
}

beforeAll(async () => {
  catalogue = await loadCatalogue('claims');
  inline = createInlineAnalyzer(catalogue);
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

/** Largest gap between timer ticks every 10 ms while `work` runs: how long the event loop was held. */
async function maxLoopLag<T>(work: () => Promise<T>): Promise<{ lag: number; result: T | Error }> {
  let last = performance.now();
  let lag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 10);
    last = now;
  }, 10);
  try {
    // Started from a timer, so that synchronous work (inline analysis) holds the ticks up too.
    await new Promise((r) => setTimeout(r, 30));
    const result = await work().catch((e: Error) => e);
    // One more tick, so that a loop held until the very end is measured too.
    await new Promise((r) => setTimeout(r, 30));
    return { lag, result };
  } finally {
    clearInterval(timer);
  }
}

describe('pool analyzer', () => {
  it('extracts, detects and matches exactly as inline analysis does', async () => {
    const p = pool(20_000);
    const page = { kind: 'html' as const, text: PROMOTING_RU, url: 'https://news.example/a' };
    const [a, b] = await Promise.all([p.extract(page), inline.extract(page)]);
    expect(a).toEqual(b);
    expect(await p.language(a.text)).toBe(await inline.language(a.text));
    const matches = await p.match(a);
    expect(matches).toEqual(await inline.match(a));
    expect(matches.map((m) => m.id)).toContain('nato-peacekeeping-centre');
  });

  it('ends a step over its budget as too_complex, and the next task still runs', async () => {
    const p = pool(50);
    const err = await p
      .match({ text: hostile(2_000_000), title: null, language: 'ru' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('too_complex');
    expect((err as FetchError).message).toMatch(/too long or too repetitive/);
    // A fresh worker replaced the stopped one.
    const small = await p.language('Казахстан и Россия подписали соглашение о сотрудничестве.');
    expect(small).toBe('ru');
  });

  it('keeps the event loop free while a worker matches a 2 MB page of one sentence', async () => {
    const p = pool(3_000);
    const text = hostile(2_000_000);
    const { lag } = await maxLoopLag(() => p.match({ text, title: null, language: 'ru' }));
    // Inline, the same call holds the loop for the whole match (seconds); here the loop only hands
    // the text to the worker (a copy of 2 MB).
    expect(lag).toBeLessThan(400);
  });

  it('holds the loop for the whole match when analysis is inline (what the pool prevents)', async () => {
    const text = hostile(300_000);
    let took = 0;
    const { lag } = await maxLoopLag(async () => {
      const started = performance.now();
      const m = await inline.match({ text, title: null, language: 'ru' });
      took = performance.now() - started;
      return m;
    });
    expect(took).toBeGreaterThan(20);
    expect(lag).toBeGreaterThan(took * 0.5);
  });
});
