import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/match/sentences.js';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits on . ! ? … before a capital letter', () => {
    expect(split('NATO met. The centre opened! Why? Nobody knows… Really.')).toEqual([
      'NATO met.',
      'The centre opened!',
      'Why?',
      'Nobody knows…',
      'Really.',
    ]);
  });
  it('splits Russian and Kazakh sentences', () => {
    expect(split('В Алматы открыли центр. Минобороны опровергло это.')).toEqual([
      'В Алматы открыли центр.',
      'Минобороны опровергло это.',
    ]);
    expect(split('Алматыда орталық ашылды. Министрлік мұны жоққа шығарды.')).toEqual([
      'Алматыда орталық ашылды.',
      'Министрлік мұны жоққа шығарды.',
    ]);
  });
  it('keeps abbreviations and initials inside the sentence', () => {
    expect(split('В 2022 г. Алматы пострадал. Пишет А. Кобринский, т.е. блогер.')).toEqual([
      'В 2022 г. Алматы пострадал.',
      'Пишет А. Кобринский, т.е. блогер.',
    ]);
    expect(split('Mr. Rosenblum met Dr. Smith in the U.S. Embassy. Then he left.')).toEqual([
      'Mr. Rosenblum met Dr. Smith in the U.S. Embassy.',
      'Then he left.',
    ]);
    expect(split('2022 ж. Қаңтарда оқиға болды.')).toEqual(['2022 ж. Қаңтарда оқиға болды.']);
  });
  it('keeps direct speech with a closing quote and a dash in one sentence', () => {
    expect(split('«Это фейк!» — заявил министр. Потом он ушёл.')).toEqual([
      '«Это фейк!» — заявил министр.',
      'Потом он ушёл.',
    ]);
  });
  it('ends a sentence after a closing quote when a new one starts', () => {
    expect(split('He said: "It is fake." Then he left.')).toEqual([
      'He said: "It is fake."',
      'Then he left.',
    ]);
    expect(split('Он сказал: «Это фейк». «Всё ясно», — добавил он.')).toEqual([
      'Он сказал: «Это фейк».',
      '«Всё ясно», — добавил он.',
    ]);
  });
  it('treats a line break as a sentence end (headlines without a period)', () => {
    expect(split('NATO is in Kazakhstan\nA centre opened in Almaty\n\nRead more')).toEqual([
      'NATO is in Kazakhstan',
      'A centre opened in Almaty',
      'Read more',
    ]);
  });
  it('does not split decimals or lower-case continuations', () => {
    expect(split('Inflation was 8.5 percent. it rose. Then it fell.')).toEqual([
      'Inflation was 8.5 percent. it rose.',
      'Then it fell.',
    ]);
  });
  it('returns trimmed spans that are verbatim slices, and none for empty text', () => {
    const text = '  First one.   Second one.  ';
    expect(split(text)).toEqual(['First one.', 'Second one.']);
    expect(splitSentences('   \n — \n')).toEqual([]);
  });
});
