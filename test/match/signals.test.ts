/**
 * Narrative-level signals (issue 12): weighted loaded vocabulary that accumulates across an article.
 * One loaded word never alerts; several signals of one narrative do, each quoted as evidence; a
 * neutral text with loaded words but no narrative (or without the required subject) stays silent.
 */
import { describe, expect, it } from 'vitest';
import { entrySchema } from '../../src/model/catalogue.js';
import type { Language, Match } from '../../src/model/types.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const entry = testEntry({
  id: 'turning-away',
  kind: 'narrative',
  match: {
    concepts: {
      kazakhstan: {
        en: ['Kazakhstan*', 'Astana'],
        ru: ['Казахстан*', 'Астан*'],
        kk: ['Қазақстан*', 'Астана*'],
      },
      drift: { en: ['drifts west'], ru: ['дрейфует на Запад'], kk: ['Батысқа бет бұрды'] },
      betrayal: { en: ['betrayal'], ru: ['предательство'], kk: ['сатқындық'] },
    },
    patterns: [['drift', 'kazakhstan']],
    signals: {
      min: 4,
      require: ['kazakhstan'],
      question_title: 1,
      terms: [
        { weight: 2, en: ['fair-weather allies'], ru: ['союзнички'], kk: ['мұндай одақтас*'] },
        { weight: 2, en: ['stab in the back'], ru: ['удар в спину'], kk: ['арқадан пышақ'] },
        { weight: 1, en: ['Russophob*'], ru: ['русофоб*'], kk: ['орысфоб*'] },
        { weight: 1, en: ['collective West'], ru: ['коллективн* Запад*'], kk: ['ұжымдық Батыс*'] },
      ],
    },
  },
});
const matcher = createLexicalMatcher(testCatalogue([entry]));

function run(text: string, language: Language, title: string | null = null): Match | undefined {
  return matcher.match({ text, title, language })[0];
}

describe('narrative signals', () => {
  it.each<[string, Language]>([
    [
      'Our fair-weather allies in Astana have chosen their side. Every week brings another stab in the back. The collective West applauds.',
      'en',
    ],
    [
      'Союзнички из Астаны снова показали себя. Это очередной удар в спину. Коллективный Запад аплодирует.',
      'ru',
    ],
    ['Мұндай одақтастар Астанада отыр. Бұл тағы бір арқадан пышақ. Ұжымдық Батыс қол соғып отыр.', 'kk'],
  ])('accumulates weaker cues across sentences and quotes them: %s', (text, language) => {
    const m = run(text, language);
    expect(m?.id).toBe('turning-away');
    expect(m?.stance).toBe('promotes');
    expect(m?.confidence).toBeGreaterThanOrEqual(0.5);
    for (const e of m?.evidence ?? []) expect(text).toContain(e.quote);
    expect(m?.evidence.length).toBeGreaterThanOrEqual(2);
    expect(m?.why).toMatch(/narrative's vocabulary: «/);
  });

  it('never alerts on one loaded word, however often it is repeated', () => {
    expect(
      run('Kazakhstan is Russophobic, Russophobic, Russophobic, say the Russophobes.', 'en'),
    ).toBeUndefined();
    expect(run('В Казахстане русофобия. Русофобы везде. Русофобия растёт.', 'ru')).toBeUndefined();
    expect(run('Our fair-weather allies in Astana. Our fair-weather allies again.', 'en')).toBeUndefined();
  });

  it('stays silent when the signals do not reach the minimum', () => {
    expect(
      run('Kazakhstan and the collective West: Russophobia is a word pundits like.', 'en'),
    ).toBeUndefined();
  });

  it('needs the required subject: loaded words about another country say nothing', () => {
    expect(
      run(
        'Our fair-weather allies in Riga have chosen their side. Another stab in the back. Russophobia rules.',
        'en',
      ),
    ).toBeUndefined();
  });

  it('counts a rhetorical-question headline that names the subject', () => {
    const text = 'Союзнички снова ведут себя странно. Русофобия стала модой.';
    expect(run(text, 'ru')).toBeUndefined();
    expect(run(text, 'ru', 'Куда идёт Астана?')?.stance).toBe('promotes');
    expect(run(text, 'ru', 'Куда идёт Астана.')).toBeUndefined();
  });

  it('reads a refutation near the signals as debunking', () => {
    const m = run(
      'Talk of fair-weather allies in Astana and a stab in the back is Kremlin propaganda and fake. The collective West is a cliché.',
      'en',
    );
    expect(m?.stance).not.toBe('promotes');
    expect(m?.stance).not.toBe('unclear');
  });
});

describe('the signals schema', () => {
  const base = testEntry({ id: 'x' });
  const withSignals = (signals: unknown) => ({ ...base, match: { ...base.match, signals } });

  it('refuses a signal whose weight alone reaches the minimum', () => {
    const r = entrySchema.safeParse(
      withSignals({
        min: 2,
        terms: [
          { weight: 2, en: ['a'] },
          { weight: 1, en: ['b'] },
        ],
      }),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/one signal alone must never be enough/);
  });
  it('refuses a single signal and an empty one', () => {
    expect(entrySchema.safeParse(withSignals({ min: 3, terms: [{ weight: 1, en: ['a'] }] })).success).toBe(
      false,
    );
    expect(
      entrySchema.safeParse(withSignals({ min: 3, terms: [{ weight: 1, en: ['a'] }, { weight: 1 }] }))
        .success,
    ).toBe(false);
  });
  it('accepts a valid definition', () => {
    expect(
      entrySchema.safeParse(
        withSignals({
          min: 3,
          terms: [
            { weight: 2, en: ['a'] },
            { weight: 1, ru: ['б'] },
          ],
        }),
      ).success,
    ).toBe(true);
  });
});
