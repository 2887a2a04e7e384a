/**
 * The input token budget, checked on the request the fake server receives: a 50,000-word article
 * (English, and Russian) is sent as title, lead and the passages around the lexical hit, within
 * 3,000 estimated tokens. And narrative-level retrieval: a paraphrase with no lexical hit still
 * reaches the model with the right candidate.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClassifier, estimateTokens } from '../../src/classify/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import {
  type ChatBody,
  chatBody,
  type FakeOpenAI,
  jsonCompletion,
  startFakeOpenAI,
} from '../helpers/fake-openai.js';
import {
  answer,
  article,
  BIOLABS_SENTENCE,
  captureLogger,
  catalogue,
  lexicalMatch,
  llmConfig,
} from './setup.js';

const EN_WORDS =
  'the council met on tuesday to discuss road repairs budget school heating water pipes winter season district mayor residents complained about traffic buses schedule parking market prices bread milk weather forecast snow'.split(
    ' ',
  );
const RU_WORDS =
  'совет собрался во вторник обсудить ремонт дорог бюджет школы отопление водопровод зима район аким жители жаловались пробки автобусы расписание парковка рынок цены хлеб молоко погода прогноз снег'.split(
    ' ',
  );

/** Deterministic filler: paragraphs of ~60-word sentences from a small vocabulary. */
function filler(words: string[], count: number, seed: number): string[] {
  let x = seed;
  const next = () => {
    x = (x * 48_271) % 2_147_483_647; // Park–Miller: exact in doubles
    return x;
  };
  const out: string[] = [];
  let sentence: string[] = [];
  for (let i = 0; i < count; i++) {
    sentence.push(words[next() % words.length] ?? 'word');
    if (sentence.length === 12) {
      out.push(`${sentence.join(' ')}.`);
      sentence = [];
    }
  }
  if (sentence.length) out.push(`${sentence.join(' ')}.`);
  return out;
}

function longArticle(words: string[], lead: string, hit: string): string {
  const sentences = filler(words, 50_000, 7);
  const paragraphs: string[] = [lead];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  // the hit sits about 40,000 words in
  paragraphs.splice(Math.floor(paragraphs.length * 0.8), 0, hit);
  return paragraphs.join('\n\n');
}

function requestTokens(body: ChatBody): number {
  return (
    body.messages.reduce((n, m) => n + estimateTokens(m.content), 0) +
    estimateTokens(JSON.stringify(body.response_format)) +
    8
  );
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.setFallback(jsonCompletion(answer([])));
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

function make(budget = 3_000) {
  return createClassifier(llmConfig(fake.baseUrl, { inputTokenBudget: budget }), {
    store: new MemoryStore(),
    logger: captureLogger(),
  });
}

const EN_LEAD = 'LEAD: The district council spent the whole year arguing about the price of winter heating.';

describe('the token budget on a 50,000-word article', () => {
  const text = longArticle(EN_WORDS, EN_LEAD, BIOLABS_SENTENCE);

  it('sends title, lead and the passage of the lexical hit within 3,000 input tokens', async () => {
    expect(text.split(/\s+/).length).toBeGreaterThan(50_000);
    await make().classify({
      article: article(text, { title: 'Council report' }),
      lexical: [lexicalMatch('us-biolabs-in-kazakhstan')],
      catalogue,
    });
    expect(fake.calls()).toBe(1);
    const body = chatBody(fake.requests[0]);
    const tokens = requestTokens(body);
    expect(tokens).toBeLessThanOrEqual(3_000);
    const user = body.messages[1]?.content ?? '';
    expect(user).toContain('Title: Council report');
    expect(user).toContain(EN_LEAD);
    expect(user).toContain(BIOLABS_SENTENCE);
    expect(user).toContain('[…]');
    // far below the article's size: ~9,000 characters at most for ASCII text
    const chars = body.messages.reduce((n, m) => n + m.content.length, 0);
    expect(chars).toBeLessThan(9_000);
    expect(text.length).toBeGreaterThan(300_000);
  });

  it('holds a smaller budget too', async () => {
    await make(2_000).classify({
      article: article(text, { title: 'Council report' }),
      lexical: [lexicalMatch('us-biolabs-in-kazakhstan')],
      catalogue,
    });
    const body = chatBody(fake.requests[0]);
    expect(requestTokens(body)).toBeLessThanOrEqual(2_000);
    expect(body.messages[1]?.content).toContain(BIOLABS_SENTENCE);
  });

  it('holds for a Russian article of the same length', async () => {
    const hit =
      'Пентагон тайно финансирует военные биолаборатории в Казахстане, где создают биологическое оружие.';
    const ruText = longArticle(
      RU_WORDS,
      'ЛИД: Районный совет весь год спорил о цене зимнего отопления.',
      hit,
    );
    await make().classify({
      article: article(ruText, { title: 'Отчёт совета', language: 'ru' }),
      lexical: [lexicalMatch('us-biolabs-in-kazakhstan', { evidence: [{ quote: hit }] })],
      catalogue,
    });
    const body = chatBody(fake.requests[0]);
    expect(requestTokens(body)).toBeLessThanOrEqual(3_000);
    const user = body.messages[1]?.content ?? '';
    expect(user).toContain(hit);
    expect(user).toContain('ЛИД: Районный совет');
    expect(user).toContain('Title (ru): В Казахстане работают военные биолаборатории США');
  });

  it('refuses to start with a budget too small for the prompt', () => {
    expect(() => make(700)).toThrow(/LLM_INPUT_TOKENS=700 is too small/);
  });
});

describe('narrative-level retrieval', () => {
  it('brings the right entry to the model for a paraphrase with no lexical hit', async () => {
    const paraphrase =
      'American generals fund secret laboratories in Kazakhstan where scientists breed pathogens for biological warfare.';
    fake.setFallback(
      jsonCompletion(
        answer([{ id: 'us-biolabs-in-kazakhstan', stance: 'promotes', quote: paraphrase, confidence: 0.8 }]),
      ),
    );
    const res = await make().classify({
      article: article(`Sources close to the matter spoke to us this week.\n\n${paraphrase}`, {
        title: 'Hidden labs',
      }),
      lexical: [],
      catalogue,
    });
    const body = chatBody(fake.requests[0]);
    const ids = body.response_format?.json_schema.schema;
    expect(JSON.stringify(ids)).toContain('"enum":["us-biolabs-in-kazakhstan"');
    expect(res.matches).toEqual([
      {
        id: 'us-biolabs-in-kazakhstan',
        kind: 'claim',
        stance: 'promotes',
        confidence: 0.8,
        method: 'llm',
        evidence: [{ quote: paraphrase }],
      },
    ]);
    fake.setFallback(jsonCompletion(answer([])));
  });
});
