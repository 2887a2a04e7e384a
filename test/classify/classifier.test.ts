/**
 * The classifier with the real `openai` client against a local fake OpenAI-compatible server:
 * correct answers, hallucinated ids, unverifiable quotes, malformed output, refusals, logging.
 */
import { describe, expect, it } from 'vitest';
import { type ClassifierDeps, createClassifier, PROMPT_VERSION } from '../../src/classify/index.js';
import { DependencyError } from '../../src/model/errors.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { chatBody, completion, jsonCompletion, messagesOf } from '../helpers/fake-openai.js';
import {
  answer,
  API_KEY,
  BIOLABS_SENTENCE,
  biolabsArticle,
  captureLogger,
  catalogue,
  fakeOpenAIPerTest,
  lexicalMatch,
  llmConfig,
  recordingSleep,
} from './setup.js';

const fake = fakeOpenAIPerTest();

function make(over: Parameters<typeof llmConfig>[1] = {}, deps: Partial<ClassifierDeps> = {}) {
  const logger = captureLogger();
  const classifier = createClassifier(llmConfig(fake.baseUrl, over), {
    store: new MemoryStore(),
    logger,
    sleep: recordingSleep().sleep,
    ...deps,
  });
  return { classifier, logger };
}

const request = { article: biolabsArticle, lexical: [lexicalMatch('us-biolabs-in-kazakhstan')], catalogue };

async function rejection(p: Promise<unknown>): Promise<DependencyError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DependencyError);
  if (!(err instanceof DependencyError)) throw new Error('expected a DependencyError');
  expect(err.dependency).toBe('llm');
  return err;
}

describe('a correct answer', () => {
  it('returns validated matches with the article’s own quote, model, prompt version and usage', async () => {
    fake.enqueue(
      jsonCompletion(
        answer([
          {
            id: 'us-biolabs-in-kazakhstan',
            stance: 'promotes',
            confidence: 0.92,
            // the model changed case, quote marks and spacing: still the same passage
            quote:
              '"the Pentagon quietly  finances military biolabs in Kazakhstan that develop "biological weapons""',
          },
          { id: 'nato-peacekeeping-centre', touches: false, stance: 'unclear', confidence: 0.1, quote: '' },
        ]),
        { prompt: 2211, completion: 96 },
      ),
    );
    const { classifier } = make();
    const res = await classifier.classify(request);
    expect(res).toEqual({
      matches: [
        {
          id: 'us-biolabs-in-kazakhstan',
          kind: 'claim',
          stance: 'promotes',
          confidence: 0.92,
          method: 'llm',
          evidence: [
            {
              quote:
                'The Pentagon quietly finances military biolabs in Kazakhstan that develop “biological weapons”',
            },
          ],
        },
      ],
      possiblyNewNarrative: null,
      model: 'gpt-4.1-mini',
      promptVersion: PROMPT_VERSION,
      inputTokens: 2211,
      outputTokens: 96,
      cached: false,
    });
    expect(fake.calls()).toBe(1);
  });

  it('sends a strict json_schema request limited to the candidate ids, with the key as a bearer token', async () => {
    fake.enqueue(jsonCompletion(answer([])));
    const { classifier } = make();
    await classifier.classify(request);
    const req = fake.requests[0];
    expect(req?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const body = chatBody(req);
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.temperature).toBe(0);
    expect(body.max_tokens).toBe(1200);
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema.strict).toBe(true);
    const schema = JSON.stringify(body.response_format?.json_schema.schema);
    expect(schema).toContain('"additionalProperties":false');
    const ids = /"id":\{[^}]*"enum":\[([^\]]*)\]/.exec(schema)?.[1] ?? '';
    // the lexical hit first, its parent narrative (none here), then retrieval
    expect(ids.split(',')[0]).toBe('"us-biolabs-in-kazakhstan"');
    const [system, user] = messagesOf(req);
    expect(system?.role).toBe('system');
    expect(user?.role).toBe('user');
    expect(user?.content).toContain('<entry id="us-biolabs-in-kazakhstan" kind="claim">');
    expect(user?.content).toContain(BIOLABS_SENTENCE);
  });

  it('passes on a possibly new narrative, cleaned, and counts no usage when the server reports none', async () => {
    fake.enqueue(
      completion(
        JSON.stringify(
          answer([], '  Claims that <b>@channel</b> Kazakhstan\nsecretly sells water to China. '),
        ),
        { usage: null },
      ),
    );
    const { classifier } = make();
    const res = await classifier.classify(request);
    expect(res.possiblyNewNarrative).toBe('Claims that bchannel/b Kazakhstan secretly sells water to China.');
    expect(res.matches).toEqual([]);
    expect(res.inputTokens).toBe(0);
    expect(res.outputTokens).toBe(0);
  });
});

describe('answers that cannot be trusted', () => {
  it('drops an id that is not in the catalogue, and keeps the valid finding', async () => {
    fake.enqueue(
      jsonCompletion(
        answer([
          { id: 'us-biolabs-in-ukraine', quote: BIOLABS_SENTENCE },
          { id: 'us-biolabs-in-kazakhstan', quote: BIOLABS_SENTENCE, stance: 'reports', confidence: 0.6 },
        ]),
      ),
    );
    const { classifier, logger } = make();
    const res = await classifier.classify(request);
    expect(res.matches.map((m) => [m.id, m.stance])).toEqual([['us-biolabs-in-kazakhstan', 'reports']]);
    const done = logger.lines.find((l) => l.msg === 'llm classified');
    expect(done?.obj).toMatchObject({ dropped: [{ id: 'us-biolabs-in-ukraine', reason: 'unknown_id' }] });
  });

  it('drops a catalogue id that was not among the candidates shown', async () => {
    fake.enqueue(jsonCompletion(answer([{ id: 'nato-peacekeeping-centre', quote: BIOLABS_SENTENCE }])));
    const { classifier, logger } = make({}, { candidates: { maxCandidates: 1 } });
    const res = await classifier.classify(request);
    const user = messagesOf(fake.requests[0])[1]?.content ?? '';
    expect(user).toContain('<entry id="us-biolabs-in-kazakhstan"');
    expect(user).not.toContain('<entry id="nato-peacekeeping-centre"');
    expect(res.matches).toEqual([]);
    const done = logger.lines.find((l) => l.msg === 'llm classified');
    expect(done?.obj).toMatchObject({
      dropped: [{ id: 'nato-peacekeeping-centre', reason: 'not_candidate' }],
    });
  });

  it('drops a finding whose quote does not occur in the article', async () => {
    fake.enqueue(
      jsonCompletion(
        answer([
          {
            id: 'us-biolabs-in-kazakhstan',
            quote: 'The Pentagon admits that it develops biological weapons in Kazakhstan.',
          },
        ]),
      ),
    );
    const { classifier, logger } = make();
    const res = await classifier.classify(request);
    expect(res.matches).toEqual([]);
    const done = logger.lines.find((l) => l.msg === 'llm classified');
    expect(done?.obj).toMatchObject({
      dropped: [{ id: 'us-biolabs-in-kazakhstan', reason: 'quote_not_found' }],
    });
  });

  it('drops a quote too short to prove anything, and clamps confidence to [0, 1]', async () => {
    fake.enqueue(
      jsonCompletion(
        answer([
          { id: 'nato-peacekeeping-centre', quote: 'biolabs', confidence: 0.9 },
          { id: 'us-biolabs-in-kazakhstan', quote: BIOLABS_SENTENCE, confidence: 7 },
        ]),
      ),
    );
    const { classifier } = make();
    const res = await classifier.classify(request);
    expect(res.matches.map((m) => [m.id, m.confidence])).toEqual([['us-biolabs-in-kazakhstan', 1]]);
  });

  it.each([
    ['text that is not JSON', completion('Sure! Here is my analysis: {"findings": [')],
    ['JSON of the wrong shape', jsonCompletion({ results: [] })],
    ['an answer cut off at the token limit', completion('{"findings": [', { finishReason: 'length' })],
    [
      'a completion without choices',
      { status: 200, body: { id: 'x', object: 'chat.completion', choices: [] } },
    ],
  ])('rejects %s with DependencyError', async (_name, reply) => {
    fake.enqueue(reply);
    const { classifier } = make();
    const err = await rejection(classifier.classify(request));
    expect(err.message).toMatch(/could not be read|incomplete answer/);
    expect(fake.calls()).toBe(1);
  });

  it('accepts JSON inside a Markdown code fence (local models without structured outputs)', async () => {
    fake.enqueue(
      completion(
        `\`\`\`json\n${JSON.stringify(answer([{ id: 'us-biolabs-in-kazakhstan', quote: BIOLABS_SENTENCE }]))}\n\`\`\``,
      ),
    );
    const { classifier } = make();
    const res = await classifier.classify(request);
    expect(res.matches).toHaveLength(1);
  });

  it('rejects a refusal with DependencyError, and refusals do not open the breaker', async () => {
    for (let i = 0; i < 4; i++) {
      fake.enqueue(completion(null, { refusal: "I'm sorry, I can't help with that request." }));
    }
    fake.enqueue(jsonCompletion(answer([])));
    const { classifier } = make();
    for (let i = 0; i < 4; i++) {
      const err = await rejection(
        classifier.classify({ ...request, article: { ...biolabsArticle, title: `t${i}` } }),
      );
      expect(err.message).toBe('The AI model declined to classify this article.');
    }
    await expect(classifier.classify(request)).resolves.toMatchObject({ matches: [] });
    expect(fake.calls()).toBe(5);
  });

  it('treats a content_filter finish as a refusal', async () => {
    fake.enqueue(completion('', { finishReason: 'content_filter' }));
    const { classifier } = make();
    const err = await rejection(classifier.classify(request));
    expect(err.message).toBe('The AI model declined to classify this article.');
  });
});

describe('logs', () => {
  it('record tokens at info level and never the API key or the article text', async () => {
    fake.enqueue(
      jsonCompletion(answer([{ id: 'us-biolabs-in-kazakhstan', quote: BIOLABS_SENTENCE }]), {
        prompt: 1500,
        completion: 40,
      }),
    );
    fake.enqueue({
      status: 401,
      body: {
        error: {
          message: 'Incorrect API key provided: sk-test-****cdef.',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
    });
    const { classifier, logger } = make();
    await classifier.classify(request);
    await rejection(classifier.classify({ ...request, article: { ...biolabsArticle, title: 'other' } }));
    const info = logger.lines.find((l) => l.msg === 'llm classified');
    expect(info?.level).toBe('info');
    expect(info?.obj).toMatchObject({
      inputTokens: 1500,
      outputTokens: 40,
      model: 'gpt-4.1-mini',
      promptVersion: PROMPT_VERSION,
    });
    const all = JSON.stringify(logger.lines);
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain('Pentagon quietly');
    expect(all).not.toContain('strangers in protective suits');
    expect(all).toContain('"reason":"rejected"');
  });
});
