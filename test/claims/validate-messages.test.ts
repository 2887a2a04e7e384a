/** The validator's messages for common mistakes: unquoted values, typos, unknown fields. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { testEntry } from '../helpers/catalogue.js';
import { at, run } from './inline-catalogue.js';

describe('validator messages', () => {
  it('explains unquoted values, enum typos and unknown nested fields', () => {
    const text = [
      'id: x',
      'kind: claim',
      'rating: misleding',
      'first_seen: 2023',
      "updated: '2024'",
      'title: { en: T }',
      'summary: { en: S }',
      'context: { en: C }',
      'denials:',
      '  - boddy: Ministry',
      '    type: official',
      "    date: '2023-01'",
      '    url: https://example.org/a',
      'match: { concepts: { a: { en: [a] }, b: { en: [b] } }, patterns: [[a, b]], windw: 2 }',
      'examples: { match: [{ lang: en, text: a b }, { lang: en, text: b a }], no_match: [{ lang: en, text: c }] }',
      '',
    ].join('\n');
    expect(run({ name: 'x.yaml', text }).issues).toEqual([
      {
        file: 'claims/x.yaml',
        line: 3,
        col: 9,
        message:
          "rating: must be one of false, misleading, unsupported, distorted, fabricated, manipulated; got 'misleding' (did you mean 'misleading'?)",
      },
      {
        file: 'claims/x.yaml',
        line: 4,
        col: 13,
        message: "first_seen: expected text, got the number 2023: write it in quotes, '2023'",
      },
      { file: 'claims/x.yaml', line: 10, col: 5, message: "missing required field 'denials[0].body'" },
      {
        file: 'claims/x.yaml',
        ...at(text, 'boddy'),
        message: "unknown field 'boddy' in denials[0] (typo? did you mean 'body'?)",
      },
      {
        file: 'claims/x.yaml',
        ...at(text, 'windw'),
        message: "unknown field 'windw' in match (typo? did you mean 'window'?)",
      },
    ]);
  });

  it('lists the known fields when an unknown one is not close to any', () => {
    const f = { name: 'x.yaml', text: `${stringify(testEntry({ id: 'x' }))}colour: blue\n` };
    const [only] = run(f).issues;
    expect(only?.message).toBe(
      "unknown field 'colour' (typo? known fields here: id, kind, parent, rating, first_seen, updated, title, summary, context, context_sources, variants, denials, no_official_denial, sources, tags, match, examples)",
    );
    expect(only && { line: only.line, col: only.col }).toEqual(at(f.text, 'colour'));
  });

  it('names a missing choice field as missing, with its choices', () => {
    const text = ['id: x', 'title: { en: T }', ''].join('\n');
    const messages = run({ name: 'x.yaml', text }).issues.map((i) => i.message);
    expect(messages).toContain("missing required field 'kind' (one of claim, narrative)");
    expect(messages.some((m) => m.includes('got a mapping'))).toBe(false);
  });
});
