/**
 * Accurate reports of acknowledged facts must never alert (issue 11): the territorial-defence bill's
 * documents do place the largest grouping near the Russian border, and the Defence Ministry did
 * confirm that a third country's equipment crossed Kazakhstan to Russia for repair. The real
 * matcher runs on the shipped catalogue; the false framings beside them still alert.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import type { LexicalMatcher } from '../../src/model/ports.js';
import { isAlert } from '../../src/model/alert.js';
import { createLexicalMatcher } from '../../src/match/index.js';

const THRESHOLD = 0.5;
let matcher: LexicalMatcher;

beforeAll(async () => {
  matcher = createLexicalMatcher(await loadCatalogue(join(import.meta.dirname, '..', '..', 'claims')));
});

const alerts = (text: string, language: 'en' | 'ru') =>
  isAlert(matcher.match({ text, title: null, language }), THRESHOLD);

describe('accurate reports raise no alert', () => {
  // Each of these alerted (as `promotes`) with the catalogue before issue 11's fix.
  it.each([
    [
      'en',
      "The bill's documents place Kazakhstan's largest territorial-defence grouping, eight brigades, near the border with Russia.",
    ],
    [
      'ru',
      'Документы законопроекта размещают крупнейшую группировку теробороны Казахстана, восемь бригад, у границы с Россией.',
    ],
    [
      'en',
      'Kazakhstan will station its largest territorial defence grouping, at least eight brigades, on the border with Russia, the bill says.',
    ],
    [
      'en',
      'The defence ministry confirmed that a third country’s military equipment was sent through Kazakhstan to Russia for scheduled repair.',
    ],
    [
      'ru',
      'Минобороны подтвердило, что через Казахстан в Россию на плановый ремонт перевозили военную технику третьей страны.',
    ],
    [
      'ru',
      'Военную технику третьей страны отправили в Россию через территорию Казахстана для планового ремонта.',
    ],
  ] as const)('%s: %s', (lang, text) => {
    expect(alerts(text, lang)).toBe(false);
  });

  it.each([
    [
      'en',
      "The bill's documents place the largest territorial-defence grouping, eight brigades, near the border with Russia.",
    ],
    [
      'ru',
      'Согласно документам законопроекта, крупнейшая группировка теробороны — восемь бригад — будет размещена у границы с Россией.',
    ],
  ] as const)('without the country named, %s: %s', (lang, text) => {
    expect(alerts(text, lang)).toBe(false);
  });
});

describe('the false framings still alert', () => {
  it.each([
    [
      'en',
      'Kazakhstan is preparing for war with Russia and is massing territorial-defence brigades on the border.',
    ],
    ['ru', 'Казахстан готовится к войне с Россией и стягивает бригады теробороны к границе.'],
    ['en', 'Kazakhstan is sending its own tanks to the Russian army.'],
    ['ru', 'Казахстан отправляет свою бронетехнику в российскую армию.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(alerts(text, lang)).toBe(true);
  });
});
