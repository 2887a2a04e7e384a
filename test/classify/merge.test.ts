import { describe, expect, it } from 'vitest';
import { DISAGREEMENT_FACTOR, mergeEvidence, mergeFindings } from '../../src/classify/merge.js';
import type { Match } from '../../src/model/types.js';

function m(id: string, over: Partial<Match> = {}): Match {
  return {
    id,
    kind: 'claim',
    stance: 'promotes',
    confidence: 0.6,
    method: 'lexical',
    evidence: [{ quote: `Evidence sentence for ${id}.` }],
    ...over,
  };
}
const llm = (id: string, over: Partial<Match> = {}) =>
  m(id, { method: 'llm', evidence: [{ quote: `The model quoted this about ${id}.` }], ...over });

describe('mergeFindings', () => {
  it('keeps one side’s finding when only that side found the entry, in lexical-then-model order', () => {
    const out = mergeFindings([m('a'), m('b')], [llm('c', { stance: 'reports' })]);
    expect(out.map((x) => [x.id, x.method, x.stance])).toEqual([
      ['a', 'lexical', 'promotes'],
      ['b', 'lexical', 'promotes'],
      ['c', 'llm', 'reports'],
    ]);
  });

  it('returns the lexical findings unchanged when the model found nothing (the fallback path too)', () => {
    const lexical = [m('a', { stance: 'debunks', confidence: 0.8 })];
    expect(mergeFindings(lexical, [])).toEqual(lexical);
  });

  it('raises confidence when both agree, capped at 0.99', () => {
    const [one] = mergeFindings([m('a', { confidence: 0.6 })], [llm('a', { confidence: 0.5 })]);
    expect(one?.method).toBe('lexical+llm');
    expect(one?.stance).toBe('promotes');
    expect(one?.confidence).toBeCloseTo(0.8, 10);
    const [two] = mergeFindings([m('a', { confidence: 0.95 })], [llm('a', { confidence: 0.97 })]);
    expect(two?.confidence).toBe(0.99);
  });

  it('takes the model’s finer stance within the same class (reports → debunks), raising confidence', () => {
    const [x] = mergeFindings(
      [m('a', { stance: 'reports', confidence: 0.5 })],
      [llm('a', { stance: 'debunks', confidence: 0.5 })],
    );
    expect(x).toMatchObject({ stance: 'debunks', confidence: 0.75, method: 'lexical+llm' });
  });

  it('lets the model resolve a lexical "unclear" into "promotes", but not demote "promotes" to "unclear"', () => {
    const [a] = mergeFindings([m('a', { stance: 'unclear' })], [llm('a', { stance: 'promotes' })]);
    expect(a?.stance).toBe('promotes');
    const [b] = mergeFindings([m('a', { stance: 'promotes' })], [llm('a', { stance: 'unclear' })]);
    expect(b?.stance).toBe('promotes');
  });

  it.each([
    'debunks',
    'reports',
  ] as const)('never turns a lexical "%s" into "promotes": unclear, at a damped confidence', (stance) => {
    const [x] = mergeFindings(
      [m('a', { stance, confidence: 0.8 })],
      [llm('a', { stance: 'promotes', confidence: 0.9 })],
    );
    expect(x?.stance).toBe('unclear');
    expect(x?.confidence).toBeCloseTo(0.8 * DISAGREEMENT_FACTOR, 10);
    expect(x?.confidence).toBeLessThan(0.5); // below the default alert threshold
  });

  it('only when both sides are very sure does such a disagreement reach the alert threshold', () => {
    const [x] = mergeFindings(
      [m('a', { stance: 'debunks', confidence: 0.9 })],
      [llm('a', { stance: 'unclear', confidence: 0.95 })],
    );
    expect(x?.stance).toBe('unclear');
    expect(x?.confidence).toBeCloseTo(0.54, 10);
  });

  it('does not let the model silence a lexical alert: promotes + debunks → unclear at the lexical confidence', () => {
    const [x] = mergeFindings(
      [m('a', { confidence: 0.7 })],
      [llm('a', { stance: 'debunks', confidence: 0.99 })],
    );
    expect(x).toMatchObject({ stance: 'unclear', confidence: 0.7, method: 'lexical+llm' });
  });

  it('drops an LLM-only finding without a quote (it could alert on the model’s word alone)', () => {
    const out = mergeFindings(
      [],
      [llm('a', { evidence: [] }), llm('b', { evidence: [{ quote: '   ' }] }), llm('c')],
    );
    expect(out.map((x) => x.id)).toEqual(['c']);
  });

  it('ignores an LLM finding without a quote where lexical found the entry too', () => {
    const [x] = mergeFindings([m('a')], [llm('a', { evidence: [] })]);
    expect(x?.method).toBe('lexical');
  });

  it('merges evidence without duplicates (normalized, or contained in a longer quote)', () => {
    const [x] = mergeFindings(
      [m('a', { evidence: [{ quote: 'NATO opens a “peacekeeping centre” in Almaty.' }] })],
      [
        llm('a', {
          evidence: [
            { quote: 'nato opens a "peacekeeping  centre" in almaty.' },
            { quote: 'peacekeeping centre' },
            { quote: 'A second, different sentence about it.' },
          ],
        }),
      ],
    );
    expect(x?.evidence).toEqual([
      { quote: 'NATO opens a “peacekeeping centre” in Almaty.' },
      { quote: 'A second, different sentence about it.' },
    ]);
  });

  it('folds duplicate ids from one side into the strongest, and clamps confidence', () => {
    const out = mergeFindings(
      [
        m('a', { confidence: 0.4 }),
        m('a', { confidence: 1.7, evidence: [{ quote: 'Another sentence here.' }] }),
      ],
      [],
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.confidence).toBe(1);
    expect(out[0]?.evidence.map((e) => e.quote)).toEqual([
      'Another sentence here.',
      'Evidence sentence for a.',
    ]);
  });
});

describe('mergeEvidence', () => {
  it('keeps the longer of two quotes when the later one contains the earlier', () => {
    expect(
      mergeEvidence(
        [{ quote: 'biolabs in Kazakhstan' }],
        [{ quote: 'US biolabs in Kazakhstan develop weapons.' }],
      ),
    ).toEqual([{ quote: 'US biolabs in Kazakhstan develop weapons.' }]);
  });
});
