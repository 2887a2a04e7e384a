/**
 * A small CheckService for adapter tests: scripted results per URL over a test catalogue, and a
 * record of every call. (The lead's end-to-end test runs the real pipeline behind the adapter.)
 */
import type { Catalogue } from '../../../src/claims/schema.js';
import { textOf } from '../../../src/claims/strings.js';
import type { CheckService, MessageCheck } from '../../../src/core/check-service.types.js';
import type { LookupHit } from '../../../src/core/ports.js';
import type { ChatMessage, CheckDetails, CheckError, Match } from '../../../src/core/types.js';
import { testCatalogue, testEntry } from '../../helpers/catalogue.js';

export const catalogue: Catalogue = testCatalogue([
  testEntry({
    id: 'turning-west',
    kind: 'narrative',
    title: { en: 'Kazakhstan is turning West', ru: 'Казахстан разворачивается на Запад' },
  }),
  testEntry({
    id: 'nato-centre',
    parent: 'turning-west',
    title: {
      en: 'NATO opened a peacekeeping centre in Kazakhstan',
      ru: 'НАТО открыло миротворческий центр в Казахстане',
    },
    context: {
      en: 'The centre is a national training facility. It belongs to the Ministry of Defence. Third fact.',
    },
    denials: [
      {
        body: 'Test Ministry',
        person: 'Test Spokesperson',
        type: 'official',
        date: '2023-10-25',
        url: 'https://example.org/denial',
        quote: { text: 'This is not true.', lang: 'en' },
      },
    ],
    no_official_denial: undefined,
  }),
  testEntry({
    id: 'us-biolabs',
    title: {
      en: 'US biolabs in Kazakhstan',
      ru: 'Американские биолаборатории в Казахстане',
      kk: 'Қазақстандағы АҚШ биозертханалары',
    },
  }),
]);

export interface Script {
  title?: string;
  matches?: Match[];
  error?: CheckError;
  /** Throw instead of answering (a bug in the pipeline). */
  throws?: boolean;
}

export const promotesNato: Match = {
  id: 'nato-centre',
  kind: 'claim',
  stance: 'promotes',
  confidence: 0.87,
  method: 'lexical',
  evidence: [{ quote: 'NATO has opened its [centre](https://evil.example) in Almaty, @everyone.' }],
};

export const SCRIPTS: Record<string, Script> = {
  'https://news.example/nato-centre': { title: 'NATO centre opens in Almaty', matches: [promotesNato] },
  'https://news.example/debunk': {
    title: 'No, NATO did not open a centre',
    matches: [{ ...promotesNato, stance: 'debunks' }],
  },
  'https://news.example/paywall': {
    error: { code: 'unreadable', message: 'The page is behind a login wall, so I could not read it.' },
  },
  'https://news.example/plain': { title: 'Weather in Astana', matches: [] },
  'https://news.example/boom': { throws: true },
};

const LINK = /https?:\/\/[^\s<>|)]+/g;

export class FakeService implements CheckService {
  readonly messages: ChatMessage[] = [];
  readonly urls: string[] = [];
  maxLinks = 5;
  constructor(readonly scripts: Record<string, Script> = SCRIPTS) {}

  catalogue(): Catalogue {
    return catalogue;
  }

  async checkUrl(url: string): Promise<CheckDetails> {
    this.urls.push(url);
    const s = this.scripts[url] ?? { title: 'Some page', matches: [] };
    if (s.throws) throw new Error('pipeline bug');
    const matches = s.matches ?? [];
    const alert = matches.some(
      (m) => (m.stance === 'promotes' || m.stance === 'unclear') && m.confidence >= 0.5,
    );
    return {
      result: {
        input: url,
        url,
        title: s.error ? null : (s.title ?? null),
        language: 'en',
        status: s.error ? 'error' : 'ok',
        error: s.error ?? null,
        alert: s.error ? false : alert,
        matches: s.error ? [] : matches,
      },
      article: null,
      notes: [],
      possiblyNewNarrative: null,
      llm: null,
    };
  }

  async checkText(): Promise<CheckDetails> {
    throw new Error('not used by the Discord adapter');
  }

  async checkMessage(msg: ChatMessage): Promise<MessageCheck> {
    this.messages.push(msg);
    const links = [...new Set(msg.text.match(LINK) ?? [])];
    const checked = links.slice(0, this.maxLinks);
    const details = await Promise.all(checked.map((l) => this.checkUrl(l)));
    return { details, skipped: links.length - checked.length };
  }

  lookup(query: string, limit = 5): LookupHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return catalogue.entries
      .map((entry) => {
        const text = [entry.id, entry.title.en, entry.title.ru, entry.title.kk]
          .map((t) => (t === undefined ? '' : textOf(t)))
          .join(' ')
          .toLowerCase();
        return { entry, score: words.filter((w) => text.includes(w)).length };
      })
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  entry(id: string) {
    return catalogue.byId.get(id);
  }
}
