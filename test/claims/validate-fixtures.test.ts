/** Each kind of mistake, from a fixture file, with its exact file, line, column and message. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogueIssue } from '../../src/claims/issues.js';
import { validateCatalogueFiles } from '../../src/claims/validate.js';

const BAD = 'test/fixtures/claims/bad';

function check(name: string): CatalogueIssue[] {
  const path = join(BAD, name);
  return validateCatalogueFiles([{ path, name, text: readFileSync(path, 'utf8') }]).issues;
}

const issue = (name: string, line: number, col: number, message: string): CatalogueIssue => ({
  file: join(BAD, name),
  line,
  col,
  message,
});

const CASES: Array<[string, CatalogueIssue[]]> = [
  [
    'malformed-yaml.yaml',
    [
      issue(
        'malformed-yaml.yaml',
        28,
        3,
        'malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ),
    ],
  ],
  [
    'tab-indent.yaml',
    [issue('tab-indent.yaml', 8, 1, 'tab character used for indentation: YAML indents with spaces only')],
  ],
  [
    'duplicate-key.yaml',
    [issue('duplicate-key.yaml', 11, 3, "duplicated key 'en': each field may appear only once")],
  ],
  [
    'unknown-field.yaml',
    [
      issue('unknown-field.yaml', 1, 1, "missing required field 'title'"),
      issue('unknown-field.yaml', 6, 1, "unknown field 'titel' (typo? did you mean 'title'?)"),
    ],
  ],
  [
    'bad-id.yaml',
    [issue('bad-id.yaml', 1, 5, "id: must be kebab-case (a-z, 0-9 and single hyphens), got 'Bad_Id'")],
  ],
  [
    'id-mismatch.yaml',
    [
      issue(
        'id-mismatch.yaml',
        1,
        5,
        "id 'some-other-name' must equal the file name 'id-mismatch' (without .yaml)",
      ),
    ],
  ],
  [
    'missing-english-title.yaml',
    [
      issue(
        'missing-english-title.yaml',
        6,
        1,
        "missing required field 'title.en' (the English text is required)",
      ),
    ],
  ],
  ['bad-date.yaml', [issue('bad-date.yaml', 4, 13, 'first_seen: 2023-02-30 is not a real calendar date')]],
  [
    'http-url.yaml',
    [
      issue(
        'http-url.yaml',
        17,
        10,
        "denials[0].url: must be an absolute https:// address, got 'http://example.org/denial'",
      ),
    ],
  ],
  [
    'missing-parent.yaml',
    [issue('missing-parent.yaml', 3, 9, "parent 'no-such-narrative' is not an entry in this catalogue")],
  ],
  [
    'too-few-examples.yaml',
    [
      issue('too-few-examples.yaml', 32, 5, 'examples.match: needs at least 2 examples that must match'),
      issue(
        'too-few-examples.yaml',
        34,
        13,
        'examples.no_match: needs at least 1 example that must not match',
      ),
    ],
  ],
  [
    'missing-no-official-denial.yaml',
    [
      issue(
        'missing-no-official-denial.yaml',
        13,
        1,
        'no official denial is listed: add one to denials, or say why there is none in no_official_denial',
      ),
    ],
  ],
  [
    'both-denial-fields.yaml',
    [
      issue(
        'both-denial-fields.yaml',
        13,
        1,
        'no_official_denial must be removed: denials include an official denial',
      ),
    ],
  ],
  [
    'unknown-concept.yaml',
    [
      issue(
        'unknown-concept.yaml',
        29,
        15,
        "match.patterns[0]: concept 'betta' is not defined in match.concepts (did you mean 'beta'?)",
      ),
    ],
  ],
  [
    'unquoted-false.yaml',
    [
      issue(
        'unquoted-false.yaml',
        3,
        9,
        "rating: must be one of false, misleading, unsupported, distorted, fabricated, manipulated; got the YAML boolean false: write it in quotes, 'false'",
      ),
    ],
  ],
  [
    'updated-before-first-seen.yaml',
    [
      issue(
        'updated-before-first-seen.yaml',
        5,
        10,
        'updated (2022-01-15) is earlier than first_seen (2023-10-23)',
      ),
    ],
  ],
];

describe('validator on fixture files', () => {
  it.each(CASES)('%s', (name, expected) => {
    expect(check(name)).toEqual(expected);
  });

  it('has a case for every fixture file', () => {
    expect(readdirSync(BAD).sort()).toEqual(CASES.map(([name]) => name).sort());
  });

  it('reports every problem of every file at once, sorted by file, line and column', () => {
    const files = readdirSync(BAD).map((name) => ({
      path: join(BAD, name),
      name,
      text: readFileSync(join(BAD, name), 'utf8'),
    }));
    const { issues } = validateCatalogueFiles(files.reverse());
    const expected = CASES.flatMap(([, list]) => list).sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col,
    );
    expect(issues).toEqual(expected);
  });
});
