import { describe, expect, it } from 'vitest';
import type { Match } from '../../src/model/types.js';
import { parseEvalJsonl } from '../../src/match/eval-cases.js';
import type { CaseResult } from '../../src/match/eval-metrics.js';
import { score } from '../../src/match/eval-score.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';

const catalogue = testCatalogue([
  testEntry({ id: 'parent', kind: 'narrative' }),
  testEntry({ id: 'child', parent: 'parent' }),
  testEntry({ id: 'other' }),
]);
const m = (id: string, stance: Match['stance'], confidence = 0.8): Match => ({
  id,
  kind: 'claim',
  stance,
  confidence,
  method: 'lexical',
  evidence: [],
});
function result(fields: Record<string, unknown>, matches: Match[]): CaseResult {
  const line = JSON.stringify({ lang: 'en', expect: [], text: 't', ...fields });
  const [c] = parseEvalJsonl(line, 'set.jsonl');
  if (!c) throw new Error('bad fixture');
  return { case: c, matches };
}

describe('score', () => {
  const results = [
    // Promoting texts: a flagged child counts for its parent; every id must be flagged.
    result({ id: 'p1', kind: 'promote', expect: ['parent'] }, [m('child', 'promotes')]),
    result({ id: 'p2', kind: 'promote', expect: ['parent', 'other'] }, [m('parent', 'unclear')]),
    result({ id: 'p3', kind: 'promote', expect: ['other'], lang: 'ru' }, [m('other', 'promotes', 0.4)]),
    result({ id: 'p4', kind: 'promote', expect: ['other'], lang: 'ru', doubtful: true }, [
      m('other', 'reports'),
    ]),
    result({ id: 'u1', kind: 'promote', uncatalogued: 'new story' }, [m('other', 'promotes')]),
    // Texts that must not alert.
    result({ id: 'd1', kind: 'debunk', expect: ['child'] }, [
      m('child', 'debunks'),
      m('other', 'promotes', 0.2),
    ]),
    result({ id: 'd2', kind: 'debunk', expect: ['child'], doubtful: true }, [m('child', 'unclear')]),
    result({ id: 'r1', kind: 'reports', expect: ['other'] }, [m('other', 'promotes')]),
    result({ id: 'r2', kind: 'reports', expect: ['other'] }, [m('other', 'reports')]),
    result({ id: 'n1', kind: 'neutral' }, []),
    result({ id: 'n2', kind: 'neutral', doubtful: true }, [m('child', 'unclear', 0.6)]),
  ];
  const s = score(results, catalogue, 0.5);

  it('counts recall per promoting text and the uncatalogued ones apart', () => {
    expect(s.all.recall).toEqual({ hit: 1, of: 4 });
    expect(s.excludingDoubtful.recall).toEqual({ hit: 1, of: 3 });
    expect(s.all.uncatalogued).toEqual({ texts: 1, alerted: 1 });
    expect(s.all.misses.map((o) => o.case.id)).toEqual(['p2', 'p3', 'p4']);
    expect(s.excludingDoubtful.misses.map((o) => o.case.id)).toEqual(['p2', 'p3']);
  });

  it('counts alerts per kind, reports apart from debunks, with and without doubtful items', () => {
    expect(s.doubtful).toBe(3);
    expect(s.all.alerts).toEqual({
      debunk: { texts: 2, alerted: 1, promotes: 1 },
      reports: { texts: 2, alerted: 1, promotes: 1 },
      neutral: { texts: 2, alerted: 1, promotes: 0 },
    });
    expect(s.excludingDoubtful.alerts).toEqual({
      debunk: { texts: 1, alerted: 0, promotes: 1 },
      reports: { texts: 2, alerted: 1, promotes: 1 },
      neutral: { texts: 1, alerted: 0, promotes: 0 },
    });
    expect(s.all.alarms.map((o) => o.case.id)).toEqual(['d1', 'd2', 'r1', 'n2']);
  });

  it('tabulates the expected kind against the verdict for the expected id', () => {
    expect(s.all.confusion.promote).toMatchObject({
      promotes: 1,
      unclear: 1,
      'no match': 1,
      'below threshold': 1,
      reports: 1,
      debunks: 0,
    });
    expect(s.all.confusion.debunk).toMatchObject({ debunks: 1, unclear: 1, promotes: 0 });
    expect(s.all.confusion.reports).toMatchObject({ promotes: 1, reports: 1 });
    // A text without ids: its strongest match, here none and an unclear one.
    expect(s.all.confusion.neutral).toMatchObject({ 'no match': 1, unclear: 1 });
    expect(s.excludingDoubtful.confusion.neutral).toMatchObject({ 'no match': 1, unclear: 0 });
  });

  it('breaks recall and alerts down per entry and per language', () => {
    expect(s.all.perEntry.parent).toEqual({ recall: { hit: 2, of: 2 }, debunk: 0, reports: 0, alarms: 0 });
    expect(s.all.perEntry.other).toEqual({ recall: { hit: 0, of: 3 }, debunk: 0, reports: 2, alarms: 1 });
    expect(s.all.perEntry.child).toEqual({ recall: { hit: 0, of: 0 }, debunk: 2, reports: 0, alarms: 2 });
    expect(s.all.perLang.ru?.recall).toEqual({ hit: 0, of: 2 });
    expect(s.excludingDoubtful.perLang.ru?.recall).toEqual({ hit: 0, of: 1 });
    expect(s.all.perLang.en?.alerts.neutral).toEqual({ texts: 2, alerted: 1, promotes: 0 });
  });
});
