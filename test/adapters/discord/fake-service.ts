/**
 * The Discord tests' catalogue and scripted pages, behind the real check service (see
 * test/helpers/scripted-service.ts), so the tests exercise the adapter and the conversation core.
 */
import type { Catalogue } from '../../../src/model/catalogue.js';
import type { Match } from '../../../src/model/types.js';
import { testCatalogue, testEntry } from '../../helpers/catalogue.js';
import { type Script, type ScriptedService, scriptedService } from '../../helpers/scripted-service.js';

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

export type { Script };

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

/** The Discord tests' check service: the real one, with these scripted pages. */
export function fakeService(
  scripts: Record<string, Script> = SCRIPTS,
  opts: { maxLinks?: number } = {},
): ScriptedService {
  return scriptedService(catalogue, scripts, opts);
}

export type FakeService = ScriptedService;
