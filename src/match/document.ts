/**
 * An article prepared for matching: its sentences (the title first, when it is not already the
 * first line of the text), and its words with their sentence and marked mode.
 *
 * Marked mode: Kazakh words often carry no Kazakh-specific letter ("Ресейге", "бригадалар"), so a
 * script's marked language's stemmer (language-facts.ts) also runs on every word of that script when
 * the language hint is that language or when at least MARKED_SHARE of the script's words have its
 * letters (for Latin-script Kazakh: ä ğ ı ñ ş ū, or q not followed by u).
 */
import type { Article } from '../model/types.js';
import { foldCase, forEachWord } from '../text/normalize.js';
import { type LetterTable, type MatchLanguage, matchLanguage } from './language-facts.js';
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
  /** 1 when the word is read in its script's marked language (see the module comment). */
  marked: number[];
  /** Offsets of each word in its source (the title for the first `titleWords` words, else the text). */
  starts: number[];
  ends: number[];
  titleWords: number;
  /** Index of the title sentence, or null when the title is absent or repeats the text's first line. */
  titleSentence: number | null;
}

const MARKED_SHARE = 0.08;

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

/** 0 other, 1 Cyrillic, 2 Latin (1 + the script's index); +4 when the word has a marked letter. Cheap. */
function classify(word: string, t: LetterTable): number {
  const { classes, unlessNext } = t;
  const size = classes.length;
  let script = 0;
  let marked = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const k = c < size ? (classes[c] ?? 0) : 0;
    if (k === 0) continue;
    if (script === 0) script = k & 3;
    if ((k & 4) !== 0 || ((k & 8) !== 0 && word.charCodeAt(i + 1) !== unlessNext[c])) marked = 4;
  }
  return script + marked;
}

export function prepareDocument(
  article: Pick<Article, 'text' | 'title' | 'language'>,
  lang: MatchLanguage = matchLanguage(),
): Doc {
  const table = lang.letters;
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
    const c = classify(word, table);
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
  const spans = splitSentences(text, lang.abbreviations);
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
  // Per script class: is every word of it read in the marked language?
  const modeOf = table.markedIds.map((id, k) => {
    if (k === 0) return false;
    const plain = counts[k] ?? 0;
    const lettered = counts[k + 4] ?? 0;
    return (
      (id !== null && article.language === id) ||
      (plain + lettered > 0 && lettered / (plain + lettered) >= MARKED_SHARE)
    );
  });
  const marked = new Array<number>(classes.length);
  for (let i = 0; i < classes.length; i++) marked[i] = modeOf[(classes[i] ?? 0) & 3] ? 1 : 0;
  return { title, text, sentences, words, sentence, marked, starts, ends, titleWords, titleSentence };
}
