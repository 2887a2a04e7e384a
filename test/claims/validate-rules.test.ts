/** Validator rules on small inline catalogues: positions are found in the text, messages are exact. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { testEntry } from '../helpers/catalogue.js';
import { at, file, narrative, run, value } from './inline-catalogue.js';

describe('validator rules', () => {
  it('accepts a valid catalogue and returns its entries sorted by id', () => {
    const { entries, issues } = run(
      file(testEntry({ id: 'b-claim', parent: 'a-narrative' })),
      file(narrative('a-narrative')),
    );
    expect(issues).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(['a-narrative', 'b-claim']);
  });

  it('reports a duplicate id (here a .yaml and a .yml file of the same name)', () => {
    const a = file(testEntry({ id: 'same' }));
    const b = file(testEntry({ id: 'same' }), 'same.yml');
    expect(run(a, b).issues).toEqual([
      {
        file: 'claims/same.yml',
        ...value(b.text, 'id', 'same'),
        message: "duplicate id 'same': also used by claims/same.yaml",
      },
    ]);
  });

  it('reports a parent that is a claim, and a parent chain that loops', () => {
    const claim = file(testEntry({ id: 'c1', parent: 'c2' }));
    const loopA = file(narrative('n-a', { parent: 'n-b' }));
    const loopB = file(narrative('n-b', { parent: 'n-a' }));
    const { issues } = run(claim, file(testEntry({ id: 'c2' })), loopA, loopB);
    expect(issues).toEqual([
      {
        file: 'claims/c1.yaml',
        ...at(claim.text, 'c2'),
        message: "parent 'c2' is a claim: a parent must be a narrative",
      },
      { file: 'claims/n-a.yaml', ...at(loopA.text, 'n-b'), message: 'parent chain loops: n-a → n-b → n-a' },
      { file: 'claims/n-b.yaml', ...at(loopB.text, 'n-a'), message: 'parent chain loops: n-b → n-a → n-b' },
    ]);
  });

  it('suggests the closest narrative for a mistyped parent, and says nothing of a parent whose own file is broken', () => {
    const typo = file(testEntry({ id: 'c1', parent: 'turning-wset' }));
    const broken = { name: 'broken.yaml', text: 'id: broken\nkind: narrative\n' };
    const child = file(testEntry({ id: 'c2', parent: 'broken' }));
    const { issues } = run(typo, file(narrative('turning-west')), broken, child);
    expect(issues.filter((i) => i.file !== 'claims/broken.yaml')).toEqual([
      {
        file: 'claims/c1.yaml',
        ...at(typo.text, 'turning-wset'),
        message: "parent 'turning-wset' is not an entry in this catalogue (did you mean 'turning-west'?)",
      },
    ]);
  });

  it('refuses a pattern that lists one concept twice, and a self-parent', () => {
    const text = [
      'id: x',
      'kind: narrative',
      'parent: x',
      "rating: 'false'",
      "first_seen: '2023'",
      "updated: '2024'",
      'title: { en: T }',
      'summary: { en: S }',
      'context: { en: C }',
      'no_official_denial: None.',
      'match: { concepts: { a: { en: [a] } }, patterns: [[a, a]] }',
      'examples: { match: [{ lang: en, text: a b }, { lang: en, text: b a }], no_match: [{ lang: en, text: c }] }',
      '',
    ].join('\n');
    expect(run({ name: 'x.yaml', text }).issues).toEqual([
      { file: 'claims/x.yaml', line: 3, col: 9, message: 'parent: an entry cannot be its own parent' },
      {
        file: 'claims/x.yaml',
        line: 11,
        col: 55,
        message: "match.patterns[0]: concept 'a' is listed twice; a pattern needs different concepts",
      },
    ]);
  });

  it('checks calendar dates, partial dates and addresses', () => {
    const input = testEntry({
      id: 'x',
      first_seen: '2024-02-29',
      updated: '2024-13',
      denials: [
        { body: 'A', type: 'official', date: '2023-02-29', url: 'https://user:pw@example.org/a' },
        { body: 'B', type: 'independent', date: '2023', url: 'https://example.org:99999/b' },
      ],
    });
    const f = file(input);
    expect(run(f).issues).toEqual([
      {
        file: 'claims/x.yaml',
        ...value(f.text, 'updated', '2024-13'),
        message: 'updated: 2024-13 is not a real calendar date',
      },
      {
        file: 'claims/x.yaml',
        ...value(f.text, 'date', '2023-02-29'),
        message: 'denials[0].date: 2023-02-29 is not a real calendar date',
      },
      {
        file: 'claims/x.yaml',
        ...at(f.text, 'https://user'),
        message:
          "denials[0].url: must not contain a user name or password, got 'https://user:pw@example.org/a'",
      },
      {
        file: 'claims/x.yaml',
        ...at(f.text, 'https://example.org:99999'),
        message: "denials[1].url: not a valid address, got 'https://example.org:99999/b'",
      },
    ]);
  });

  it('reports an empty file, several documents, a list instead of fields, and a bad concept name', () => {
    const bad = stringify(
      testEntry({ id: 'd', match: { concepts: { 'Bad-Name': { en: ['a'] } }, patterns: [['a', 'b']] } }),
    );
    const { issues } = run(
      { name: 'a.yaml', text: '# only a comment\n' },
      { name: 'b.yaml', text: 'id: b\n---\nid: c\n' },
      { name: 'c.yaml', text: '- id: c\n' },
      { name: 'd.yaml', text: bad },
    );
    expect(issues).toEqual([
      {
        file: 'claims/a.yaml',
        line: 1,
        col: 1,
        message: 'the file is empty: an entry is a YAML mapping of fields (id: …, kind: …)',
      },
      {
        file: 'claims/b.yaml',
        line: 2,
        col: 1,
        message: "more than one YAML document ('---'): put each entry in its own file",
      },
      { file: 'claims/c.yaml', line: 1, col: 1, message: 'expected a mapping of fields, got a list' },
      {
        file: 'claims/d.yaml',
        ...at(bad, 'Bad-Name'),
        message: "match.concepts.Bad-Name: concept names are lower_snake_case, got 'Bad-Name'",
      },
    ]);
  });
});
