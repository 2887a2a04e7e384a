/**
 * The Slack tests' catalogue and scripted pages, behind the real check service (see
 * test/helpers/scripted-service.ts), so the tests exercise the adapter and the conversation core.
 */
import type { CheckDetails, Match } from '../../../src/model/types.js';
import { testCatalogue, testEntry } from '../../helpers/catalogue.js';
import { type Script, type ScriptedService, scriptedService } from '../../helpers/scripted-service.js';

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

/** The same results as scripts for the real check service behind the adapter. */
export const SCRIPTS: Record<string, Script> = Object.fromEntries(
  Object.values(URLS).map((url) => {
    const r = detailsFor(url).result;
    return [url, r.error ? { error: r.error } : { title: r.title ?? 'Some page', matches: r.matches }];
  }),
);

/** The adapter tests' check service: the real one, with these scripted pages. */
export function fakeCheckService(): ScriptedService {
  return scriptedService(catalogue, SCRIPTS);
}

export type FakeCheckService = ScriptedService;
