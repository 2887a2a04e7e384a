/**
 * An article prepared for matching: its sentences (the title first, when it is not already the
 * first line of the text), and its words with their sentence and Kazakh mode.
 *
 * Kazakh mode: Kazakh words often carry no Kazakh-specific letter ("Ресейге", "бригадалар"), so the
 * Kazakh stemmer also runs on every Cyrillic word when the language hint is kk or when at least
 * KK_SHARE of the Cyrillic words have Kazakh letters; likewise for Latin-script Kazakh (letters
 * ä ğ ı ñ ş ū, or q not followed by u).
 */
import type { Article } from '../model/types.js';
import { foldCase, forEachWord } from '../text/normalize.js';
import { splitSentences } from './sentences.js';
import type { ScanInput } from './term-index.js';

export interface DocSentence {
  source: 'title' | 'text';
  start: number;
  end: number;
}

/** Words as parallel arrays (cheap for the garbage collector on 100 KB articles). */
export interface Doc extends ScanInput {
  title: string;
  text: string;
  sentences: DocSentence[];
  words: string[];
  sentence: number[];
  kazakh: number[];
  /** Offsets of each word in its source (the title for the first `titleWords` words, else the text). */
  starts: number[];
  ends: number[];
  titleWords: number;
  /** Index of the title sentence, or null when the title is absent or repeats the text's first line. */
  titleSentence: number | null;
}

const KK_SHARE = 0.08;

function firstLine(text: string): string {
  const t = text.trimStart();
  const nl = t.search(/\n/);
  return nl === -1 ? t : t.slice(0, nl);
}

export function sentenceText(doc: Doc, index: number): string {
  const s = doc.sentences[index];
  if (!s) return '';
  return (s.source === 'title' ? doc.title : doc.text).slice(s.start, s.end);
}

/** Per code point from U+0000 to U+052F: 1 Cyrillic letter, 2 Latin letter; +4 a Kazakh-only letter. */
const CLASS = new Uint8Array(0x530);
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = 2;
for (let c = 0xc0; c <= 0x24f; c++) CLASS[c] = 2;
for (let c = 0x400; c <= 0x52f; c++) CLASS[c] = 1;
for (const c of [0x4d9, 0x493, 0x49b, 0x4a3, 0x4e9, 0x4b1, 0x4af, 0x4bb, 0x456]) CLASS[c] = 5;
for (const c of [0xe4, 0x11f, 0x131, 0xf1, 0x15f, 0x16b, 0x1f5, 0x144]) CLASS[c] = 6;

/** 0 other, 1 Cyrillic, 2 Latin; +4 when the word has a Kazakh letter (or q not before u). Cheap. */
function classify(word: string): number {
  let script = 0;
  let kk = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const k = c < 0x530 ? (CLASS[c] ?? 0) : 0;
    if (k === 0) continue;
    if (script === 0) script = k & 3;
    if (k > 4 || (c === 0x71 && word.charCodeAt(i + 1) !== 0x75)) kk = 4;
  }
  return script + kk;
}

export function prepareDocument(article: Pick<Article, 'text' | 'title' | 'language'>): Doc {
  const text = article.text;
  const rawTitle = article.title?.trim() ?? '';
  const title = rawTitle && !foldCase(firstLine(text)).startsWith(foldCase(rawTitle)) ? rawTitle : '';
  const sentences: DocSentence[] = [];
  const words: string[] = [];
  const sentence: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const classes: number[] = [];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  let current = 0;
  const add = (word: string, start: number, end: number) => {
    const c = classify(word);
    words.push(word);
    starts.push(start);
    ends.push(end);
    sentence.push(current);
    classes.push(c);
    counts[c] = (counts[c] ?? 0) + 1;
  };
  let titleSentence: number | null = null;
  if (title) {
    titleSentence = 0;
    sentences.push({ source: 'title', start: 0, end: title.length });
    forEachWord(title, add);
  }
  const titleWords = words.length;
  const spans = splitSentences(text);
  const base = sentences.length;
  for (const s of spans) sentences.push({ source: 'text', start: s.start, end: s.end });
  let si = 0;
  let spanEnd = spans[0]?.end ?? 0;
  const lastSpan = spans.length - 1;
  current = base;
  forEachWord(text, (word, start, end) => {
    while (si < lastSpan && spanEnd <= start) {
      si++;
      spanEnd = spans[si]?.end ?? 0;
    }
    current = base + si;
    add(word, start, end);
  });
  const [, cyr = 0, lat = 0, , , cyrKk = 0, latKk = 0] = counts;
  const hint = article.language === 'kk';
  const kkCyr = hint || (cyr + cyrKk > 0 && cyrKk / (cyr + cyrKk) >= KK_SHARE);
  const kkLat = hint || (lat + latKk > 0 && latKk / (lat + latKk) >= KK_SHARE);
  const kazakh = new Array<number>(classes.length);
  for (let i = 0; i < classes.length; i++) {
    const c = (classes[i] ?? 0) & 3;
    kazakh[i] = (c === 1 && kkCyr) || (c === 2 && kkLat) ? 1 : 0;
  }
  return { title, text, sentences, words, sentence, kazakh, starts, ends, titleWords, titleSentence };
}
