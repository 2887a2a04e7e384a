/**
 * Shared pieces for the classifier tests: a small catalogue parsed through the real schema, articles,
 * a fake OpenAI server per test, a fixed clock, a sleep that records instead of waiting, and a logger
 * that captures what it is given.
 * Texts here are written for the tests; they quote no real publication.
 */
import { afterEach, beforeEach } from 'vitest';
import type { LlmConfig } from '../../src/classify/index.js';
import type { Clock, Logger } from '../../src/model/ports.js';
import type { Article, Match } from '../../src/model/types.js';
import { testArticle } from '../helpers/articles.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai.js';

export const catalogue = testCatalogue(
  [
    testEntry({
      id: 'us-biolabs-in-kazakhstan',
      title: {
        en: 'US military biolabs operate in Kazakhstan',
        ru: 'В Казахстане работают военные биолаборатории США',
      },
      summary: {
        en: 'Laboratories in Kazakhstan are secret US military facilities that develop biological weapons.',
      },
      match: {
        concepts: {
          lab: { en: ['biolab', 'biological laboratory'], ru: ['биолаборатория'] },
          us: { en: ['Pentagon', 'American', 'US military'], ru: ['Пентагон', 'американский'] },
        },
        patterns: [['lab', 'us']],
      },
      examples: {
        match: [
          {
            lang: 'en',
            text: 'Pentagon biolabs in Kazakhstan are developing biological weapons against Russia.',
          },
          { lang: 'ru', text: 'Американские биолаборатории в Казахстане создают биологическое оружие.' },
        ],
        no_match: [{ lang: 'en', text: 'The university opened a new chemistry laboratory.' }],
      },
    }),
    testEntry({
      id: 'nato-peacekeeping-centre',
      parent: 'kazakhstan-turning-west',
      title: { en: 'NATO is opening a peacekeeping centre in Kazakhstan' },
      summary: {
        en: 'NATO will station troops in Kazakhstan under the cover of a peacekeeping training centre.',
      },
      match: {
        concepts: {
          nato: { en: ['NATO'], ru: ['НАТО'] },
          centre: { en: ['peacekeeping centre'], ru: ['центр'] },
        },
        patterns: [['nato', 'centre']],
      },
      examples: {
        match: [
          {
            lang: 'en',
            text: 'NATO opens a peacekeeping centre in Almaty to bring its soldiers to Central Asia.',
          },
          { lang: 'en', text: 'Alliance troops will train at the new NATO centre near Almaty.' },
        ],
        no_match: [{ lang: 'en', text: 'NATO ministers met in Brussels.' }],
      },
    }),
    testEntry({
      id: 'kazakhstan-turning-west',
      kind: 'narrative',
      title: { en: 'Kazakhstan is turning away from Russia towards the West' },
      summary: {
        en: 'Astana betrays its Russian ally and sells itself to Western governments and corporations.',
      },
      match: {
        concepts: { west: { en: ['the West'], ru: ['Запад'] }, betray: { en: ['betray'], ru: ['предать'] } },
        patterns: [['west', 'betray']],
      },
      examples: {
        match: [
          { lang: 'en', text: 'Astana has betrayed Moscow and now serves Western masters.' },
          { lang: 'en', text: 'Kazakhstan turns its back on Russia to please Washington and Brussels.' },
        ],
        no_match: [{ lang: 'en', text: 'Kazakhstan signed a trade deal with the EU.' }],
      },
    }),
    testEntry({
      id: 'immortal-regiment-deepfakes',
      title: { en: 'Kazakhstan banned the Immortal Regiment march' },
      summary: {
        en: 'Fabricated videos claim the authorities banned the Immortal Regiment march and arrested veterans.',
      },
      match: {
        concepts: { regiment: { en: ['Immortal Regiment'] }, ban: { en: ['banned'] } },
        patterns: [['regiment', 'ban']],
      },
      examples: {
        match: [
          { lang: 'en', text: 'Police in Kazakhstan banned the Immortal Regiment and detained veterans.' },
          { lang: 'en', text: 'The Immortal Regiment march was banned by Kazakh officials.' },
        ],
        no_match: [{ lang: 'en', text: 'Veterans marched in Astana on Victory Day.' }],
      },
    }),
  ],
  'cat-2026-11-21.abc123',
);

export const BIOLABS_SENTENCE =
  'The Pentagon quietly finances military biolabs in Kazakhstan that develop “biological weapons” against Russia.';

export function article(text: string, over: Partial<Article> = {}): Article {
  return testArticle(text, { title: 'Secret laboratories near Almaty', siteName: 'news.example', ...over });
}

export const biolabsArticle = article(
  [
    'Residents of a village near Almaty say strangers in protective suits visit a fenced building at night.',
    `${BIOLABS_SENTENCE} Local officials refused to comment.`,
    'Neighbours say they want answers from the authorities.',
  ].join('\n\n'),
);

export function lexicalMatch(id: string, over: Partial<Match> = {}): Match {
  const entry = catalogue.byId.get(id);
  return {
    id,
    kind: entry?.kind ?? 'claim',
    stance: 'promotes',
    confidence: 0.7,
    method: 'lexical',
    evidence: [{ quote: BIOLABS_SENTENCE }],
    ...over,
  };
}

export const API_KEY = 'sk-test-0123456789abcdef';

export function llmConfig(baseUrl: string, over: Partial<LlmConfig> = {}): LlmConfig {
  return {
    apiKey: API_KEY,
    baseUrl,
    model: 'gpt-4.1-mini',
    timeoutMs: 5_000,
    maxRetries: 2,
    inputTokenBudget: 3_000,
    ...over,
  };
}

/**
 * Gives each test of the file its own fake OpenAI server, started before the test and closed after
 * it. The handle returned reaches the server of the test that is running.
 */
export function fakeOpenAIPerTest(): FakeOpenAI {
  let current: FakeOpenAI | null = null;
  beforeEach(async () => {
    current = await startFakeOpenAI();
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  const now = (): FakeOpenAI => {
    if (current === null) throw new Error('the fake OpenAI server runs only while a test runs');
    return current;
  };
  return {
    get baseUrl() {
      return now().baseUrl;
    },
    get requests() {
      return now().requests;
    },
    enqueue: (...replies) => now().enqueue(...replies),
    setFallback: (reply) => now().setFallback(reply),
    calls: () => now().calls(),
    close: () => now().close(),
  };
}

export class FakeClock implements Clock {
  constructor(private ms = Date.UTC(2026, 10, 21, 12, 0, 0)) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A sleep that records the waits asked for and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** A Logger that keeps every line (children share the list and add their bindings). */
export function captureLogger(lines: LogLine[] = [], bindings: object = {}): Logger & { lines: LogLine[] } {
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj: { ...bindings, ...obj }, msg });
    };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more: object) => captureLogger(lines, { ...bindings, ...more }),
  };
}

/** The model's answer in the shape of the strict JSON schema. */
export function answer(
  findings: Array<{ id: string; touches?: boolean; stance?: string; confidence?: number; quote?: string }>,
  possiblyNew: string | null = null,
): unknown {
  return {
    findings: findings.map((f) => ({
      id: f.id,
      touches: f.touches ?? true,
      stance: f.stance ?? 'promotes',
      confidence: f.confidence ?? 0.9,
      quote: f.quote ?? '',
    })),
    possibly_new_narrative: possiblyNew,
  };
}
