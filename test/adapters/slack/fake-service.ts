/**
 * A small in-test CheckService: a catalogue built through the real schema, and canned results per
 * URL, so the Slack tests exercise the adapter (not the matcher). It records what it was asked.
 */
import type { Entry } from '../../../src/claims/schema.js';
import type { CheckService, MessageCheck } from '../../../src/core/check-service.types.js';
import type { LookupHit } from '../../../src/core/ports.js';
import type { ChatMessage, CheckDetails, Match } from '../../../src/core/types.js';
import { testCatalogue, testEntry } from '../../helpers/catalogue.js';

export const catalogue = testCatalogue(
  [
    testEntry({ id: 'turning-west', kind: 'narrative', title: { en: 'Kazakhstan is turning West' } }),
    testEntry({
      id: 'nato-centre',
      parent: 'turning-west',
      title: { en: 'NATO opened a centre in Kazakhstan', ru: 'НАТО открыло центр в Казахстане' },
      context: { en: 'No such centre exists. The ministry said so. Journalists checked. A fourth sentence.' },
      denials: [
        {
          body: 'Ministry of Defence (test)',
          type: 'official',
          date: '2023-10-25',
          url: 'https://example.org/denial?a=1&b=2',
          quote: { text: 'Test quote <!channel>', lang: 'en' },
        },
      ],
      no_official_denial: undefined,
    }),
    testEntry({
      id: 'us-biolabs',
      title: { en: 'US biolabs in Kazakhstan', ru: 'Биолаборатории США в Казахстане' },
    }),
  ],
  'test-2026.abc123',
);

export const URLS = {
  alert: 'https://news.example/nato-centre',
  debunk: 'https://news.example/debunk',
  unreadable: 'https://news.example/login-wall',
  neutral: 'https://news.example/weather',
} as const;

/** Article text that tries to ping everyone: it must reach Slack escaped. */
export const HOSTILE_EVIDENCE = 'Everyone <!channel> read: NATO opened a centre, say <@U0BOSS> & friends.';

function ok(url: string, matches: Match[], alert: boolean, title: string): CheckDetails {
  return {
    result: { input: url, url, title, language: 'en', status: 'ok', error: null, alert, matches },
    article: null,
    notes: [],
    possiblyNewNarrative: null,
    llm: null,
  };
}

export function detailsFor(url: string): CheckDetails {
  const match = (stance: Match['stance'], quote: string): Match => ({
    id: 'nato-centre',
    kind: 'claim',
    stance,
    confidence: 0.87,
    method: 'lexical',
    evidence: [{ quote }],
  });
  switch (url) {
    case URLS.alert:
      return ok(url, [match('promotes', HOSTILE_EVIDENCE)], true, 'NATO <!here> centre');
    case URLS.debunk:
      return ok(
        url,
        [match('debunks', 'The claim that NATO opened a centre is false.')],
        false,
        'Fact check',
      );
    case URLS.unreadable:
      return {
        result: {
          input: url,
          url,
          title: null,
          language: null,
          status: 'error',
          error: { code: 'unreadable', message: 'The page is behind a login wall, so I could not read it.' },
          alert: false,
          matches: [],
        },
        article: null,
        notes: [],
        possiblyNewNarrative: null,
        llm: null,
      };
    default:
      return ok(url, [], false, 'Weather');
  }
}

/** Links as the real extractor would find them in Slack text and structured links (simplified). */
function links(msg: ChatMessage): string[] {
  const found: string[] = [];
  for (const m of msg.text.matchAll(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>|(https?:\/\/[^\s<>]+)/g)) {
    const url = m[1] ?? m[2];
    if (url) found.push(url);
  }
  return [...new Set([...found, ...msg.extraLinks])];
}

export class FakeCheckService implements CheckService {
  readonly messages: ChatMessage[] = [];
  /** Make the next checkMessage throw (to test the error boundary). */
  failNext = false;

  catalogue() {
    return catalogue;
  }

  async checkUrl(url: string): Promise<CheckDetails> {
    return detailsFor(url);
  }

  async checkText(_text: string, input: string): Promise<CheckDetails> {
    return detailsFor(input);
  }

  async checkMessage(msg: ChatMessage): Promise<MessageCheck> {
    this.messages.push(msg);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('boom: internal failure with a stack');
    }
    const all = links(msg);
    return { details: all.slice(0, 5).map(detailsFor), skipped: Math.max(0, all.length - 5) };
  }

  lookup(query: string, limit = 10): LookupHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const hits: LookupHit[] = [];
    for (const entry of catalogue.entries) {
      const text = [entry.title.en, entry.title.ru ?? '', entry.id].join(' ').toLowerCase();
      const score = words.filter((w) => text.includes(w.slice(0, 6))).length;
      if (score > 0) hits.push({ entry, score });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  entry(id: string): Entry | undefined {
    return catalogue.byId.get(id);
  }
}
