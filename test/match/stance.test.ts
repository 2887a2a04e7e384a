/** Stance from cue phrases in three languages, quotes, official denials and article-level signals. */
import { describe, expect, it } from 'vitest';
import type { Language, Stance } from '../../src/model/types.js';
import { emptyCues } from '../../src/match/cue-kinds.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { decideStance } from '../../src/match/stance.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const matcher = createLexicalMatcher(
  testCatalogue([
    testEntry({
      id: 'nato-centre',
      match: {
        concepts: {
          nato: { en: ['NATO'], ru: ['НАТО'], kk: ['НАТО'] },
          centre: { en: ['centre', 'center'], ru: ['центр*'], kk: ['орталығ*'] },
        },
        patterns: [['nato', 'centre']],
        window: 2,
      },
    }),
  ]),
);

function stance(text: string, language: Language, title: string | null = null): Stance | undefined {
  return matcher.match({ text, title, language })[0]?.stance;
}

describe('stance cues', () => {
  it.each<[string, Language, Stance]>([
    ['NATO opened a centre in Almaty.', 'en', 'promotes'],
    ['В Алматы открыли центр НАТО.', 'ru', 'promotes'],
    ['Алматыда НАТО орталығы ашылды.', 'kk', 'promotes'],
    // refutation
    ['The report that NATO opened a centre in Almaty is fake.', 'en', 'debunks'],
    ['The ministry denied that NATO opened a centre.', 'en', 'debunks'],
    ['There is no evidence that NATO opened a centre.', 'en', 'debunks'],
    ['Experts debunked the story of a NATO centre.', 'en', 'debunks'],
    ['Сообщения о центре НАТО — фейк.', 'ru', 'debunks'],
    ['Минобороны опровергло сообщения о центре НАТО.', 'ru', 'debunks'],
    ['Информация о центре НАТО не соответствует действительности.', 'ru', 'debunks'],
    ['Это ложная информация о центре НАТО.', 'ru', 'debunks'],
    ['Про центр НАТО распространяют дезинформацию.', 'ru', 'debunks'],
    ['НАТО орталығы туралы жалған ақпарат тарады.', 'kk', 'debunks'],
    ['Министрлік НАТО орталығы туралы ақпаратты жоққа шығарды.', 'kk', 'debunks'],
    ['НАТО орталығы ашылды деген хабар шындыққа жанаспайды.', 'kk', 'debunks'],
    ['НАТО орталығы туралы қауесет тарады.', 'kk', 'debunks'],
    // distance and attribution. Issue 12: a hedge ("allegedly", "якобы", "according to Telegram
    // channels") is not distance; with no counter-voice in the article the claim is promoted.
    ['NATO allegedly opened a centre in Almaty.', 'en', 'promotes'],
    ['According to Telegram channels, NATO opened a centre in Almaty.', 'en', 'promotes'],
    [
      'NATO allegedly opened a centre in Almaty. It has a hall. It has a flag. The ministry denied that NATO is there.',
      'en',
      'reports',
    ],
    ['NATO reportedly opened a centre in Almaty. Embassy officials responded on Monday.', 'en', 'reports'],
    ['Russian media claimed that NATO opened a centre.', 'en', 'reports'],
    ['В Алматы якобы открыли центр НАТО.', 'ru', 'promotes'],
    ['По данным телеграм-каналов, в Алматы открыли центр НАТО.', 'ru', 'promotes'],
    ['По информации западных источников, в Алматы открыли центр НАТО.', 'ru', 'promotes'],
    [
      'В Алматы якобы открыли центр НАТО. Там есть зал. Там есть флаг. Нет доказательств присутствия НАТО.',
      'ru',
      'reports',
    ],
    ['В Алматы якобы открыли центр НАТО. На публикацию отреагировали в посольстве.', 'ru', 'reports'],
    ['Алматыда НАТО орталығы ашылды делінген.', 'kk', 'promotes'],
    [
      'Алматыда НАТО орталығы ашылды делінген. Онда зал бар. Онда ту бар. НАТО туралы дәлел жоқ.',
      'kk',
      'reports',
    ],
    ['Так называемый центр НАТО открыли в Алматы.', 'ru', 'reports'],
    ['Блогеры утверждают, что в Алматы открыли центр НАТО.', 'ru', 'reports'],
    ['Телеграм-арналар НАТО орталығы туралы хабарды таратып жатыр.', 'kk', 'reports'],
    // mixed signals
    ['This is not fake: NATO opened a centre in Almaty.', 'en', 'unclear'],
    ['Это не фейк: в Алматы открыли центр НАТО.', 'ru', 'unclear'],
    ['Не верьте опровержениям: центр НАТО уже работает.', 'ru', 'unclear'],
  ])('%s → %s', (text, language, expected) => {
    expect(stance(text, language)).toBe(expected);
  });

  it('reads quotation marks around the claim as distance, not quoted names', () => {
    expect(stance('В Алматы открыли «центр НАТО».', 'ru')).toBe('reports');
    expect(stance("The so-called 'NATO centre' in Almaty.", 'en')).toBe('reports');
    expect(stance('Центр НАТО «Степь» открыли в Алматы.', 'ru')).toBe('promotes');
  });

  it('reads an official who says "not" in the evidence sentence as a denial', () => {
    expect(stance('The Defence Ministry said NATO has not opened any centre in Kazakhstan.', 'en')).toBe(
      'debunks',
    );
    expect(stance('Минобороны РК: никакого центра НАТО в Алматы нет.', 'ru')).toBe('debunks');
  });

  it('does not read a bare official name and a negation as a denial', () => {
    expect(stance('Токаев не приехал на саммит, а в Алматы тем временем открыли центр НАТО.', 'ru')).toBe(
      'promotes',
    );
  });

  it('uses a debunking headline for the whole article', () => {
    const text = 'Some context first.\n\nA paragraph about the region.\n\nNATO opened a centre, posts said.';
    expect(stance(text, 'en', 'Fake: no NATO base in Almaty')).toBe('debunks');
  });

  it('uses many refutations across the article, in sentences that name the claim', () => {
    const text =
      'The ministry called the NATO story fake. Weather was fine. Officials denied the centre rumours. ' +
      'More news. NATO opened a centre in the city.';
    expect(stance(text, 'en')).toBe('debunks');
  });

  it('ignores refutations far from the claim that do not name it', () => {
    const text =
      'The ministry called the flower show fake. Weather was fine. Officials denied everything. More news. ' +
      'NATO opened a centre in the city.';
    expect(stance(text, 'en')).toBe('promotes');
  });

  it('ignores a refuting headline that does not name the claim, unless it stands next to it', () => {
    const text = 'Some context first.\n\nA paragraph about the region.\n\nNATO opened a centre, posts said.';
    expect(stance(text, 'en', 'Fake flowers are in fashion')).toBe('promotes');
    expect(stance('NATO opened a centre, posts said.', 'en', 'Fake news')).toBe('debunks');
  });
});

describe('decideStance', () => {
  const none = emptyCues;
  const cues = (n: number) => Array.from({ length: n }, none);

  const input = { subject: [0], titleSentence: null, scareQuoted: false };

  it('promotes when nothing distances the text', () => {
    expect(decideStance({ ...input, evidence: [0], cues: cues(3) })).toMatchObject({
      stance: 'promotes',
      clarity: 1,
    });
  });
  it('debunks for a refutation in the next sentence; far away, reports when it names the subject', () => {
    const near = cues(10);
    const c1 = near[1];
    if (c1) c1.refute = 1;
    expect(decideStance({ ...input, evidence: [0], cues: near }).stance).toBe('debunks');
    const far = cues(10);
    const c9 = far[9];
    if (c9) c9.refute = 1;
    expect(decideStance({ ...input, evidence: [0], cues: far, subject: [0, 9] }).stance).toBe('reports');
    expect(decideStance({ ...input, evidence: [0], cues: far, subject: [0] }).stance).toBe('promotes');
  });
  it('debunks for refutations in many sentences about the subject, not in many others', () => {
    const c = cues(20);
    for (const i of [5, 10, 15]) {
      const ci = c[i];
      if (ci) ci.refute = 1;
    }
    expect(decideStance({ ...input, evidence: [0], cues: c, subject: [0, 5, 10, 15] }).stance).toBe(
      'debunks',
    );
    expect(decideStance({ ...input, evidence: [0], cues: c, subject: [0, 5] }).stance).toBe('reports');
    expect(decideStance({ ...input, evidence: [0], cues: c }).stance).toBe('promotes');
  });
  it('is unclear when a counter cue is near, whatever else is there', () => {
    const c = cues(2);
    const c0 = c[0];
    if (c0) {
      c0.counter = 1;
      c0.refute = 2;
    }
    expect(decideStance({ ...input, evidence: [0], cues: c }).stance).toBe('unclear');
  });
  it('debunks a negated claim and reports an attributed one, but a counter cue still wins', () => {
    const base = { ...input, evidence: [0], cues: cues(3) };
    expect(decideStance({ ...base, negated: true }).stance).toBe('debunks');
    expect(decideStance({ ...base, attributed: true }).stance).toBe('reports');
    expect(decideStance({ ...base, negated: false, attributed: false }).stance).toBe('promotes');
    const c = cues(3);
    const c1 = c[1];
    if (c1) c1.counter = 1;
    expect(decideStance({ ...base, cues: c, negated: true }).stance).toBe('unclear');
  });
  it('lowers clarity for a promoting match when distance appears in another sentence about it', () => {
    const c = cues(30);
    const c20 = c[20];
    if (c20) c20.distance = 1;
    expect(decideStance({ ...input, evidence: [0], cues: c, subject: [0, 20] })).toMatchObject({
      stance: 'promotes',
      clarity: 0.9,
    });
    expect(decideStance({ ...input, evidence: [0], cues: c })).toMatchObject({
      stance: 'promotes',
      clarity: 1,
    });
  });
  it('promotes a hedged claim with no counter-voice and says why; a response anywhere makes it reports', () => {
    const c = cues(6);
    const c0 = c[0];
    if (c0) c0.hedge = 1;
    const laundered = decideStance({ ...input, evidence: [0], cues: c });
    expect(laundered.stance).toBe('promotes');
    expect(laundered.why).toMatch(/no denial/);
    const c5 = c[5];
    if (c5) c5.response = 1;
    const answered = decideStance({ ...input, evidence: [0], cues: c });
    expect(answered.stance).toBe('reports');
    expect(answered.why).toMatch(/counter-voice/);
  });
});

describe('attribution and laundering (issue 12)', () => {
  it('reports a claim quoted from a named speaker, after a closing quote and a dash', () => {
    expect(stance('«В Алматы открыли центр НАТО», — сказал депутат.', 'ru')).toBe('reports');
    expect(stance('"NATO opened a centre in Almaty," said the deputy.', 'en')).toBe('reports');
  });
  it('reports a sentence attributed by the next one ("Об этом заявил…")', () => {
    expect(stance('В Алматы открыли центр НАТО. Об этом заявил депутат Госдумы.', 'ru')).toBe('reports');
    expect(stance('В Алматы открыли центр НАТО. Депутат был в отпуске.', 'ru')).toBe('promotes');
  });
  it('promotes a named speaker buried under hedged sources with no counter-voice', () => {
    const text =
      'Senator Smith said that NATO opened a centre in Almaty. According to experts, the NATO centre trains officers. According to media reports, the NATO centre is large.';
    expect(stance(text, 'en')).toBe('promotes');
    expect(stance(`${text} The ministry responded that no such centre exists.`, 'en')).toBe('reports');
  });
  it('reads an unkept promise as no denial of the claim', () => {
    expect(stance('Астана не выполняет обещание закрыть центр НАТО в Алматы.', 'ru')).toBe('promotes');
    expect(stance('Astana has not kept its promise to close the NATO centre.', 'en')).toBe('promotes');
    expect(stance('Астана не открывала центр НАТО в Алматы.', 'ru')).toBe('debunks');
  });
  it('never reads attribution alone as distance when the sources are unnamed', () => {
    expect(stance('Western sources say NATO opened a centre in Almaty.', 'en')).toBe('promotes');
    expect(stance('В Госдуме подняли вопрос о центре НАТО в Алматы.', 'ru')).toBe('promotes');
    expect(stance('Эксперты считают, что в Алматы открыли центр НАТО.', 'ru')).toBe('promotes');
  });
});

describe('fact-check ledes and attributed officials', () => {
  it('reads "No, …" / "Нет, …" as a refutation', () => {
    expect(stance('No, NATO did not open a centre in Almaty.', 'en')).toBe('debunks');
    expect(stance('Нет, центр НАТО в Алматы не открывали.', 'ru')).toBe('debunks');
    expect(stance('Nobody expected NATO to open a centre.', 'en')).toBe('promotes');
  });
  it('reads an official before a colon as reported speech', () => {
    expect(stance('Минобороны РК: центр НАТО в Алматы не открывался.', 'ru')).toBe('debunks');
    expect(stance('Внимание: центр НАТО в Алматы не закрыт.', 'ru')).toBe('promotes');
  });
});
