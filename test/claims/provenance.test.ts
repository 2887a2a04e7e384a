/**
 * The provenance rule: an example, a context or a variant that names a person or institution of
 * the actors list needs the address where it was seen. Runs the real validator, the real actors
 * file (claims/meta/actors.yaml) and, through the CLI, the real lint command.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { namedActors } from '../../src/claims/actors.js';
import { readActors } from '../../src/claims/load.js';
import { parseActorsFile } from '../../src/claims/meta.js';
import type { EntryInput } from '../../src/model/catalogue.js';
import { validateCatalogueFiles } from '../../src/claims/validate.js';
import { claimsLint } from '../../src/adapters/cli/claims-lint.js';
import { testEntry } from '../helpers/catalogue.js';
import { captureIO } from './capture-io.js';

const shipped = await readActors('claims');
if (!shipped.actors) throw new Error(`claims/meta/actors.yaml: ${JSON.stringify(shipped.issues)}`);
const actors = shipped.actors;

const lint = (input: EntryInput) => {
  const text = stringify(input);
  const name = `${input.id}.yaml`;
  return validateCatalogueFiles([{ path: `claims/${name}`, name, text }], { actors }).issues;
};

const withExample = (example: { lang: 'en' | 'ru' | 'kk'; text: string; source?: string }) =>
  testEntry({
    id: 'x',
    examples: {
      match: [
        { lang: 'en', text: 'alpha beta' },
        { lang: 'en', text: 'beta alpha' },
      ],
      no_match: [{ lang: 'en', text: 'gamma' }],
      debunk: [example],
    },
  });

const URL = 'https://example.org/where-it-was-seen';

describe('named actors', () => {
  it('finds persons and institutions through inflection and across scripts', () => {
    const names = (text: string, kk = false) => namedActors(text, actors, kk).map((a) => a.name);
    expect(names('Токаева спросили о языке')).toEqual(['Kassym-Jomart Tokayev']);
    expect(names('a statement by Tokayev’s office')).toEqual(['Kassym-Jomart Tokayev']);
    expect(names('Захаровой ответили в Астане')).toEqual(['Maria Zakharova']);
    expect(names('Тоқаевтың сөзі', true)).toEqual(['Kassym-Jomart Tokayev']);
    expect(names('Минобороны РК опровергло')).toEqual(['a Ministry of Defence']);
    expect(names("Kazakhstan's defence ministry said")).toEqual(['a Ministry of Defence']);
    expect(names('ҚР Қорғаныс министрлігі хабарлады', true)).toEqual(['a Ministry of Defence']);
    expect(names('Pentagon biolabs')).toEqual(['the Pentagon']);
  });

  it('finds nobody in the propaganda voice or in ordinary words', () => {
    expect(namedActors('Kazakhstan is preparing for war with Russia.', actors)).toEqual([]);
    expect(namedActors('The ministry said it was a fake, officials in Astana added.', actors)).toEqual([]);
    expect(namedActors('Казахстан готовится к войне с Россией.', actors)).toEqual([]);
    expect(namedActors('by mid-2023 the figures had doubled', actors)).toEqual([]);
  });
});

describe('the provenance rule', () => {
  it('fails an example that names a person without a source, positioned at the text', () => {
    const issues = lint(withExample({ lang: 'ru', text: 'Захарова заявила, что это фейк.' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(
      'examples.debunk[0] names Maria Zakharova (a person): add source: <https url> where these words were seen, or write the example without the name',
    );
    const text = stringify(withExample({ lang: 'ru', text: 'Захарова заявила, что это фейк.' }));
    const line = text.split('\n').findIndex((l) => l.includes('Захарова')) + 1;
    expect(issues[0]?.line).toBe(line);
  });

  it('passes the same example with a source', () => {
    expect(lint(withExample({ lang: 'ru', text: 'Захарова заявила, что это фейк.', source: URL }))).toEqual(
      [],
    );
  });

  it('does not flag a plain propaganda example', () => {
    expect(lint(withExample({ lang: 'en', text: 'Kazakhstan is preparing for war with Russia.' }))).toEqual(
      [],
    );
  });

  it('needs context_sources when the context names an institution, in any language', () => {
    const entry = testEntry({
      id: 'x',
      context: { en: 'Kazakhstan denied it.', ru: 'Минобороны Казахстана это опровергло.' },
    });
    expect(lint(entry).map((i) => i.message)).toEqual([
      'context.ru names a Ministry of Defence (an institution): list the reporting it rests on in context_sources: [<https url>]',
    ]);
    expect(lint({ ...entry, context_sources: [URL] })).toEqual([]);
  });

  it('needs a source on a variant that names someone', () => {
    const entry = testEntry({ id: 'x', variants: [{ year: 2025, summary: 'Peskov repeated it in 2025.' }] });
    expect(lint(entry).map((i) => i.message)).toEqual([
      'variants[0] names Dmitry Peskov (a person): add source: <https url> where this was reported',
    ]);
    expect(lint(testEntry({ id: 'x', variants: [{ year: 2025, summary: 'It came back.' }] }))).toEqual([]);
  });

  it('refuses a source that is not an https address', () => {
    const issues = lint(withExample({ lang: 'en', text: 'Peskov said so.', source: 'http://example.org/x' }));
    expect(issues.map((i) => i.message)).toEqual([
      "examples.debunk[0].source: must be an absolute https:// address, got 'http://example.org/x'",
    ]);
  });
});

describe('claims/meta/actors.yaml', () => {
  it('is valid and is not read as an entry', () => {
    expect(shipped.issues).toEqual([]);
    expect(shipped.list?.persons.length).toBeGreaterThan(10);
  });

  it('reports its own problems as path:line:col', () => {
    const bad = 'persons:\n  - name: X\n    ru: [Икс]\n    fr: [X]\n  - en: [Y]\n';
    const { issues } = parseActorsFile('claims/meta/actors.yaml', bad);
    expect(issues.map((i) => `${i.line}:${i.col}: ${i.message}`)).toEqual([
      "4:5: unknown field 'fr' (an actor has name, en, ru, kk; the file has persons and institutions)",
      "5:5: missing required field 'persons[1].name'",
    ]);
  });
});

describe('claimdesk claims lint', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const catalogueWith = (example: { lang: 'en'; text: string; source?: string }) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-prov-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'meta'));
    writeFileSync(join(dir, 'meta', 'actors.yaml'), readFileSync('claims/meta/actors.yaml', 'utf8'));
    writeFileSync(join(dir, 'x.yaml'), stringify(withExample(example)));
    return dir;
  };

  it('exits 1 with one actionable line on an unsourced attribution, 0 once it has a source', async () => {
    const failing = captureIO({});
    expect(
      await claimsLint([catalogueWith({ lang: 'en', text: 'Lavrov said it was true.' })], failing.io),
    ).toBe(1);
    expect(failing.err()).toMatch(
      /x\.yaml:\d+:\d+: examples\.debunk\[0\] names Sergei Lavrov \(a person\): add source: <https url>/,
    );
    const passing = captureIO({});
    expect(
      await claimsLint(
        [catalogueWith({ lang: 'en', text: 'Lavrov said it was true.', source: URL })],
        passing.io,
      ),
    ).toBe(0);
  });
});
