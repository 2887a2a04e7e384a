/**
 * The hostile page for `npm run bench`: one matching sentence of the shipped catalogue repeated to
 * 1 MB and 2 MB of text, as a page built to freeze the bot would be. The matcher must stay linear:
 * the 2 MB page should take about twice the 1 MB page's time, never four times.
 */
import type { Catalogue } from '../src/model/catalogue.js';
import { createLexicalMatcher } from '../src/match/index.js';
import { stats } from './bench-pipeline.js';

export interface HostileRow {
  mb: number;
  sentences: number;
  median: number;
  matches: number;
}

/** The first `match` example of the entry (or of the first entry), on one line. */
function sentenceOf(catalogue: Catalogue, id: string) {
  const entry = catalogue.entries.find((e) => e.id === id) ?? catalogue.entries[0];
  const ex = entry?.examples.match[0];
  if (!ex) throw new Error('the catalogue has no `match` example to build a hostile page from');
  return { text: ex.text.replace(/\s+/g, ' ').trim(), language: ex.lang };
}

export function benchHostile(catalogue: Catalogue, runs: number) {
  const matcher = createLexicalMatcher(catalogue);
  const { text, language } = sentenceOf(catalogue, 'us-biolabs-in-kazakhstan');
  const rows: HostileRow[] = [];
  for (const mb of [1, 2]) {
    const sentences = Math.ceil((mb * 1_000_000) / (Buffer.byteLength(text) + 1));
    const page = Array.from({ length: sentences }, () => text).join(' ');
    let matches = matcher.match({ text: page, title: null, language }).length;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      matches = matcher.match({ text: page, title: null, language }).length;
      samples.push(performance.now() - t);
    }
    rows.push({ mb, sentences, median: stats(samples).median, matches });
  }
  const [one, two] = rows;
  const ratio = one && two && one.median > 0 ? Math.round((two.median / one.median) * 100) / 100 : 0;
  return { sentence: text, rows, ratio };
}
