/**
 * The one-line why of a stance: kept as data on the match (reason), in English in `why` (the JSON
 * output, unchanged), and worded in the reply's language when a reply is composed.
 */
import { describe, expect, it } from 'vitest';
import { whyLine } from '../../src/lang/phrases/why.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import type { CheckDetails, Match, ReplyLang, WhyCode, WhyReason } from '../../src/model/types.js';
import { composeReply } from '../../src/pipeline/compose-reply.js';
import { sourceSchema } from '../../src/sources/schema.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const CODES: WhyCode[] = [
  'counter',
  'refuted',
  'negated',
  'refutedArticle',
  'distance',
  'quoted',
  'attributed',
  'launderedReported',
  'laundered',
  'reportedArticle',
  'own',
];
const LANGS: ReplyLang[] = ['en', 'ru', 'kk'];

const catalogue = testCatalogue([
  testEntry({
    id: 'nato-centre',
    match: {
      concepts: {
        nato: { en: ['NATO'], ru: ['НАТО'], kk: ['НАТО'] },
        centre: { en: ['centre'], ru: ['центр*'], kk: ['орталығ*'] },
      },
      patterns: [['nato', 'centre']],
    },
  }),
]);

const outlet = sourceSchema.parse({
  id: 'state-tv',
  name: 'State TV One',
  domains: ['state-tv.example'],
  kind: 'state_media',
  classified_by: [{ who: 'EU Council (sanctions)', url: 'https://example.org/sanctions' }],
});

function reply(m: Match, lang: ReplyLang): string | undefined {
  const d: CheckDetails = {
    result: {
      input: 'x',
      url: null,
      title: null,
      language: 'ru',
      status: 'ok',
      error: null,
      alert: true,
      matches: [m],
    },
    article: null,
    notes: [],
    possiblyNewNarrative: null,
    llm: null,
  };
  return composeReply([d], { catalogue, alertThreshold: 0.5, skipped: 0, lang }).items[0]?.entries[0]?.why;
}

describe('why, in every reply language', () => {
  it('has a distinct line for every reason in each language', () => {
    for (const lang of LANGS) {
      const lines = CODES.map((code) => whyLine({ code }, lang));
      expect(new Set(lines).size, lang).toBe(CODES.length);
      for (const l of lines) expect(l.length, lang).toBeGreaterThan(10);
    }
    expect(whyLine({ code: 'laundered' })).toBe(
      'repeats the claim, hedged or attributed to unnamed sources, with no denial or counter-voice',
    );
    expect(whyLine({ code: 'own' }, 'ru')).toBe('излагает утверждение от лица самой статьи');
    expect(whyLine({ code: 'refuted' }, 'kk')).toBe('мақала мәлімдемені теріске шығарады');
  });

  it('words the vocabulary, the example and the outlet in the reply language', () => {
    const reason: WhyReason = {
      code: 'attributed',
      vocabulary: ['русофобия', 'colour revolution'],
      source: { name: 'State TV One', kind: 'state_media', classifiedBy: ['EU Council'], decided: true },
    };
    expect(whyLine(reason)).toBe(
      "reports what a named third party claimed; the narrative's vocabulary: «русофобия», «colour revolution», with no counter-voice, published by State TV One (state media; classified by EU Council)",
    );
    expect(whyLine(reason, 'ru')).toBe(
      'пересказывает, что утверждает названное третье лицо; лексика нарратива: «русофобия», «colour revolution», без другой стороны, опубликовано: State TV One (государственное СМИ; по классификации: EU Council)',
    );
    expect(whyLine({ code: 'own', exampleWords: 5 }, 'kk')).toBe(
      'мәлімдемені мақаланың өз атынан айтады; жазба мысалдарының біріне жақын (ортақ сирек сөздер: 5)',
    );
    const unknownKind = { name: 'X', kind: 'new_kind', classifiedBy: ['Y'], decided: false };
    expect(whyLine({ code: 'own', source: unknownKind }, 'ru')).toBe(
      'излагает утверждение от лица самой статьи; опубликовано: X (new_kind; по классификации: Y)',
    );
  });

  it('keeps the match’s why English and says it in the reply’s language', () => {
    const matcher = createLexicalMatcher(catalogue, { sources: [outlet] });
    const text = 'Депутат Госдумы заявил, что в Алматы открыли центр НАТО.';
    const m = matcher.match({ text, title: null, language: 'ru', url: 'https://state-tv.example/a' })[0];
    if (!m) throw new Error('no match');
    expect(m.stance).toBe('promotes');
    expect(m.reason).toEqual({
      code: 'attributed',
      source: {
        name: 'State TV One',
        kind: 'state_media',
        classifiedBy: ['EU Council (sanctions)'],
        decided: true,
      },
    });
    expect(m.why).toBe(
      'reports what a named third party claimed, with no counter-voice, published by State TV One (state media; classified by EU Council (sanctions))',
    );
    expect(reply(m, 'en')).toBe(m.why);
    expect(reply(m, 'ru')).toBe(
      'пересказывает, что утверждает названное третье лицо, без другой стороны, опубликовано: State TV One (государственное СМИ; по классификации: EU Council (sanctions))',
    );
    expect(reply(m, 'kk')).toMatch(
      /^аты аталған үшінші тараптың сөзін жеткізеді, қарсы пікірсіз, жариялаған: State TV One/,
    );
  });

  it('shows a match without a reason (a result cached before) with its English line', () => {
    const m: Match = {
      id: 'nato-centre',
      kind: 'claim',
      stance: 'promotes',
      confidence: 0.9,
      method: 'lexical',
      evidence: [{ quote: 'q' }],
      why: 'an older line',
    };
    expect(reply(m, 'ru')).toBe('an older line');
  });
});
