import { describe, expect, it } from 'vitest';
import { composeReply } from '../../src/pipeline/compose-reply.js';
import { renderMarkdown, renderText } from '../../src/pipeline/render-text.js';
import type { CheckDetails, Match } from '../../src/model/types.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const catalogue = testCatalogue([
  testEntry({ id: 'turning-west', kind: 'narrative', title: { en: 'Kazakhstan is turning West' } }),
  testEntry({
    id: 'nato-centre',
    parent: 'turning-west',
    title: { en: 'NATO opened a centre in Kazakhstan', ru: 'НАТО открыло центр в Казахстане' },
    denials: [
      { body: 'Independent outlet', type: 'independent', date: '2023-10-30', url: 'https://example.org/b' },
      {
        body: 'Ministry of Defence',
        type: 'official',
        date: '2023-10-25',
        url: 'https://example.org/a',
        via: 'quoted by TASS',
      },
    ],
    no_official_denial: undefined,
  }),
]);

function details(matches: Match[], alert: boolean, notes: string[] = []): CheckDetails {
  return {
    result: {
      input: 'https://news.example/a',
      url: 'https://news.example/a',
      title: 'A',
      language: 'ru',
      status: 'ok',
      error: null,
      alert,
      matches,
    },
    article: null,
    notes,
    possiblyNewNarrative: null,
    llm: null,
  };
}

const promotes: Match = {
  id: 'nato-centre',
  kind: 'claim',
  stance: 'promotes',
  confidence: 0.87,
  method: 'lexical',
  evidence: [{ quote: 'В Алматы открылся центр НАТО.' }],
};

describe('composeReply', () => {
  it('puts the verdict first and gives context, denials (official first), evidence and the parent', () => {
    const reply = composeReply([details([promotes], true)], { catalogue, alertThreshold: 0.5, skipped: 2 });
    expect(reply.alert).toBe(true);
    expect(reply.headline).toBe(
      'This article repeats a known false claim: NATO opened a centre in Kazakhstan.',
    );
    const e = reply.items[0]?.entries[0];
    expect(e?.parent).toEqual({ id: 'turning-west', title: 'Kazakhstan is turning West' });
    expect(e?.denials.map((d) => d.who)).toEqual(['Ministry of Defence', 'Independent outlet']);
    expect(e?.context).toBe('First fact. Second fact. Third fact.');
    expect(e?.evidence).toBe('В Алматы открылся центр НАТО.');
    expect(e?.alerting).toBe(true);
    const text = renderText(reply);
    expect(text).toContain('Evidence: "В Алматы открылся центр НАТО."');
    expect(text).toContain(
      'Ministry of Defence (official, 2023-10-25, quoted by TASS) <https://example.org/a>',
    );
    expect(text).toContain('2 more links were not checked');
    expect(text).toContain('Catalogue version test-version.');
  });

  it('uses the Russian title when asked and falls back to English', () => {
    const reply = composeReply([details([promotes], true)], {
      catalogue,
      alertThreshold: 0.5,
      skipped: 0,
      lang: 'ru',
    });
    expect(reply.items[0]?.entries[0]?.title).toBe('НАТО открыло центр в Казахстане');
    expect(reply.items[0]?.entries[0]?.parent?.title).toBe('Kazakhstan is turning West');
  });

  it('does not alert on a debunk and says so calmly', () => {
    const debunk: Match = { ...promotes, stance: 'debunks' };
    const reply = composeReply([details([debunk], false)], { catalogue, alertThreshold: 0.5, skipped: 0 });
    expect(reply.alert).toBe(false);
    expect(reply.headline).toBe(
      'This article debunks a known claim: NATO opened a centre in Kazakhstan. No alert.',
    );
    expect(reply.items[0]?.entries[0]?.alerting).toBe(false);
  });

  it('marks a low-confidence promotes match as not alerting', () => {
    const weak: Match = { ...promotes, confidence: 0.3 };
    const reply = composeReply([details([weak], false)], { catalogue, alertThreshold: 0.5, skipped: 0 });
    expect(reply.items[0]?.entries[0]?.alerting).toBe(false);
  });

  it('reports an unreadable page in one sentence and skips unknown ids', () => {
    const failed: CheckDetails = {
      ...details([], false),
      result: {
        ...details([], false).result,
        status: 'error',
        error: { code: 'unreadable', message: 'The page is behind a login wall, so I could not read it.' },
      },
    };
    const unknown = details([{ ...promotes, id: 'not-in-catalogue' }], true);
    const reply = composeReply([failed, unknown], { catalogue, alertThreshold: 0.5, skipped: 0 });
    expect(reply.items[0]?.verdict).toBe(
      'I could not read this page: The page is behind a login wall, so I could not read it.',
    );
    expect(reply.items[1]?.entries).toEqual([]);
  });

  it('escapes Markdown in article text so it cannot inject links or formatting', () => {
    const hostile: Match = {
      ...promotes,
      evidence: [{ quote: 'Click [here](https://evil.example) **now** <@everyone>' }],
    };
    const md = renderMarkdown(
      composeReply([details([hostile], true)], { catalogue, alertThreshold: 0.5, skipped: 0 }),
    );
    expect(md).toContain('\\[here\\](https://evil.example) \\*\\*now\\*\\* \\<@everyone\\>');
    expect(md).not.toContain('[here](https://evil.example)');
  });

  it('carries notes such as the LLM fallback', () => {
    const reply = composeReply([details([promotes], true, ['The AI classifier was unavailable.'])], {
      catalogue,
      alertThreshold: 0.5,
      skipped: 0,
    });
    expect(renderText(reply)).toContain('Note: The AI classifier was unavailable.');
  });
});

describe('the stance reason (issue 12)', () => {
  it('carries the match`s one-line why into the entry and the text rendering', () => {
    const why = 'repeats the claim, hedged or attributed to unnamed sources, with no denial or counter-voice';
    const reply = composeReply([details([{ ...promotes, why }], true)], {
      catalogue,
      alertThreshold: 0.5,
      skipped: 0,
    });
    expect(reply.items[0]?.entries[0]?.why).toBe(why);
    expect(renderText(reply)).toContain(`Why: ${why}`);
  });
  it('leaves the reason out when the match has none', () => {
    const reply = composeReply([details([promotes], true)], { catalogue, alertThreshold: 0.5, skipped: 0 });
    expect(reply.items[0]?.entries[0]?.why).toBeUndefined();
    expect(renderText(reply)).not.toContain('Why:');
  });
});
