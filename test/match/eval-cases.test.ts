import { describe, expect, it } from 'vitest';
import { casesFromCatalogue, parseEvalJsonl, unknownExpectations } from '../../src/match/eval-cases.js';
import { evaluate } from '../../src/match/eval-metrics.js';
import type { Match } from '../../src/model/types.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

describe('parseEvalJsonl', () => {
  it('reads one case a line and skips blank lines', () => {
    const text =
      '{"id":"a","lang":"ru","kind":"promote","expect":["x"],"text":"Текст"}\n\n' +
      '{"id":"b","lang":"kk","kind":"neutral","expect":[],"text":"Мәтін","title":"Тақырып"}\n';
    const cases = parseEvalJsonl(text, 'set.jsonl');
    expect(cases.map((c) => [c.id, c.kind, c.title ?? null, c.source])).toEqual([
      ['a', 'promote', null, 'set.jsonl'],
      ['b', 'neutral', 'Тақырып', 'set.jsonl'],
    ]);
  });
  it('reports every bad line with its number', () => {
    const text = '{"id":"a"\n{"id":"b","lang":"de","kind":"promote","expect":[],"text":"x"}\n';
    expect(() => parseEvalJsonl(text, 'bad.jsonl')).toThrow(
      /bad\.jsonl:1: not JSON[\s\S]*bad\.jsonl:2: lang/,
    );
  });
});

describe('catalogue examples as cases', () => {
  const catalogue = testCatalogue([testEntry({ id: 'x' })]);
  it('turns match, no_match and debunk examples into promote, neutral and debunk cases', () => {
    expect(casesFromCatalogue(catalogue).map((c) => [c.id, c.kind, c.expect])).toEqual([
      ['x/match/1', 'promote', ['x']],
      ['x/match/2', 'promote', ['x']],
      ['x/no_match/1', 'neutral', []],
    ]);
  });
  it('finds expectations that name no entry', () => {
    const cases = parseEvalJsonl('{"id":"a","lang":"en","kind":"promote","expect":["nope"],"text":"t"}', 'f');
    expect(unknownExpectations(cases, catalogue)).toEqual(['f: a: unknown entry "nope"']);
  });
});

describe('evaluate', () => {
  const catalogue = testCatalogue([
    testEntry({ id: 'parent', kind: 'narrative' }),
    testEntry({ id: 'child', parent: 'parent' }),
  ]);
  const m = (id: string, stance: Match['stance'], confidence = 0.8): Match => ({
    id,
    kind: 'claim',
    stance,
    confidence,
    method: 'lexical',
    evidence: [],
  });
  const c = (id: string, kind: 'promote' | 'neutral' | 'debunk', expect: string[]) =>
    parseEvalJsonl(JSON.stringify({ id, lang: 'en', kind, expect, text: 't' }), 'f')[0];

  it('counts recall (a flagged child counts for its parent), false alarms and promotes on debunks', () => {
    const cases = [
      c('p1', 'promote', ['parent']),
      c('p2', 'promote', ['child']),
      c('n1', 'neutral', []),
      c('d1', 'debunk', ['child']),
      c('d2', 'debunk', ['child']),
    ];
    const [p1, p2, n1, d1, d2] = cases;
    if (!p1 || !p2 || !n1 || !d1 || !d2) throw new Error('bad fixture');
    const report = evaluate(
      [
        { case: p1, matches: [m('child', 'unclear')] },
        { case: p2, matches: [m('child', 'promotes', 0.3)] },
        { case: n1, matches: [m('child', 'promotes')] },
        { case: d1, matches: [m('child', 'promotes', 0.1)] },
        { case: d2, matches: [m('child', 'debunks')] },
      ],
      catalogue,
      0.5,
    );
    expect(report.recall).toBe(0.5);
    expect(report.falseAlarms).toBe(1);
    expect(report.promotesOnDebunk).toBe(1);
    expect(report.perEntry.child).toEqual({
      promote: 1,
      recalled: 0,
      falseAlarms: 1,
      debunk: 2,
      promotesOnDebunk: 1,
    });
    expect(report.failures.map((f) => f.case.id)).toEqual(['p2', 'n1', 'd1']);
  });
});

describe('parseEvalJsonl: the fields of real labelled sets', () => {
  const line = (o: Record<string, unknown>) =>
    JSON.stringify({ id: 'a', lang: 'ru', kind: 'reports', expect: ['x'], text: 'Текст', ...o });

  it('reads reports, source_url, uncatalogued and doubtful, and ignores unknown fields', () => {
    const [c] = parseEvalJsonl(
      line({ source_url: 'https://example.org/p', uncatalogued: null, doubtful: true, channel: 'c' }),
      'real.jsonl',
    );
    expect(c).toMatchObject({ kind: 'reports', source_url: 'https://example.org/p', doubtful: true });
    expect(c && 'channel' in c).toBe(false);
  });
  it('needs ids on a promoting text unless it names an uncatalogued narrative', () => {
    const ok = line({ kind: 'promote', expect: [], uncatalogued: 'a new narrative' });
    expect(parseEvalJsonl(ok, 'f')[0]?.uncatalogued).toBe('a new narrative');
    expect(() => parseEvalJsonl(`${ok}\n${line({ id: 'b', kind: 'promote', expect: [] })}`, 'f')).toThrow(
      /^f:2: expect: a promoting text needs the ids/,
    );
  });
  it('rejects a wrong type, an unknown kind and a repeated id, each with its line', () => {
    const text = [
      line({ doubtful: 'yes' }),
      line({ id: 'b', kind: 'mentions' }),
      line({ id: 'c' }),
      line({ id: 'c' }),
    ].join('\n');
    expect(() => parseEvalJsonl(text, 'f')).toThrow(
      /f:1: doubtful: [^\n]+\nf:2: kind: [^\n]+\nf:4: id "c" already used on line 3$/,
    );
  });
});
