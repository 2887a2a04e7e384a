/**
 * The shipped catalogue's own examples behave as declared, and the labelled evaluation set (eval/)
 * meets the quality targets with lexical matching alone. These fail when a catalogue or matcher
 * change makes quality regress.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/load.js';
import type { Catalogue } from '../../src/model/catalogue.js';
import type { LexicalMatcher } from '../../src/model/ports.js';
import { isAlert } from '../../src/model/alert.js';
import { casesFromCatalogue, parseEvalJsonl, unknownExpectations } from '../../src/match/eval-cases.js';
import { evaluate, flags } from '../../src/match/eval-metrics.js';
import { createLexicalMatcher } from '../../src/match/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const THRESHOLD = 0.5;

let catalogue: Catalogue;
let matcher: LexicalMatcher;

beforeAll(async () => {
  catalogue = await loadCatalogue(join(ROOT, 'claims'));
  matcher = createLexicalMatcher(catalogue);
});

describe('every catalogue example behaves as declared', () => {
  it('flags every `match` example with its entry', () => {
    const missed: string[] = [];
    for (const e of catalogue.entries) {
      for (const ex of e.examples.match) {
        const matches = matcher.match({ text: ex.text, title: null, language: ex.lang });
        if (!flags(matches, e.id, catalogue, THRESHOLD)) missed.push(`${e.id}: ${ex.text}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('raises no alert at all on a `no_match` example', () => {
    const alarms: string[] = [];
    for (const e of catalogue.entries) {
      for (const ex of e.examples.no_match) {
        const matches = matcher.match({ text: ex.text, title: null, language: ex.lang });
        if (isAlert(matches, THRESHOLD) || flags(matches, e.id, catalogue, THRESHOLD)) {
          alarms.push(`${e.id}: ${ex.text} → ${matches.map((m) => `${m.id}:${m.stance}`).join(', ')}`);
        }
      }
    }
    expect(alarms).toEqual([]);
  });

  it('never says `promotes` on a `debunk` example', () => {
    const wrong: string[] = [];
    for (const e of catalogue.entries) {
      for (const ex of e.examples.debunk) {
        const matches = matcher.match({ text: ex.text, title: null, language: ex.lang });
        if (matches.some((m) => m.stance === 'promotes')) wrong.push(`${e.id}: ${ex.text}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has examples in every entry, so the checks above check something', () => {
    expect(catalogue.entries.length).toBeGreaterThan(0);
    for (const e of catalogue.entries) expect(e.examples.match.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the labelled evaluation set', () => {
  it('meets the targets: recall >= 0.9, no false alarm, no `promotes` on a debunk', () => {
    const dir = join(ROOT, 'eval');
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    const cases = [
      ...files.flatMap((f) => parseEvalJsonl(readFileSync(join(dir, f), 'utf8'), f)),
      ...casesFromCatalogue(catalogue),
    ];
    expect(unknownExpectations(cases, catalogue)).toEqual([]);
    expect(cases.filter((c) => !c.source.startsWith('claims/')).length).toBeGreaterThanOrEqual(150);
    const results = cases.map((c) => ({
      case: c,
      matches: matcher.match({ text: c.text, title: c.title ?? null, language: c.lang }),
    }));
    const report = evaluate(results, catalogue, THRESHOLD);
    const failures = report.failures.map((f) => `${f.case.id}: ${f.problem}`);
    expect({
      falseAlarms: report.falseAlarms,
      promotesOnDebunk: report.promotesOnDebunk,
      failures,
    }).toMatchObject({
      falseAlarms: 0,
      promotesOnDebunk: 0,
    });
    expect(report.recall).toBeGreaterThanOrEqual(0.9);
  });
});
