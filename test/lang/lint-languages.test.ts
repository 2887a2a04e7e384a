/**
 * `claimdesk claims lint` over the language folders: every problem of a language.yaml or cues.yaml
 * as `path:line:col: message`, and exit 1, like the catalogue's.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimsLintWith } from '../../src/adapters/cli/claims-lint.js';
import { formatIssue } from '../../src/claims/issues.js';
import { validateLanguageDir } from '../../src/claims/lint-languages.js';
import { packageLangDir } from '../../src/lang/root.js';
import { captureIO } from '../claims/capture-io.js';
import { type TempRoot, TOY_CUES, TOY_LANGUAGE, tempLangRoot } from './toy-language.js';

let temp: TempRoot | null = null;
afterEach(() => {
  temp?.remove();
  temp = null;
});

/** A root with the shipped languages and the toy one, its files as given. */
function rootWith(language: string, cues: string): TempRoot {
  temp = tempLangRoot();
  temp.write('qtx/language.yaml', language);
  temp.write('qtx/cues.yaml', cues);
  return temp;
}

function lines(root: string): string[] {
  return validateLanguageDir(root).issues.map(formatIssue);
}

describe('language folders in claims lint', () => {
  it('finds no problem in the shipped folders, and none in a valid new one', () => {
    const shipped = validateLanguageDir(packageLangDir());
    expect(shipped.issues).toEqual([]);
    expect(shipped.registry?.languages.map((l) => l.id)).toEqual(['en', 'kk', 'ru']);
    expect(lines(rootWith(TOY_LANGUAGE, TOY_CUES).root)).toEqual([]);
  });

  it('places a bad cue file’s problems at their line and column', () => {
    const t = rootWith(TOY_LANGUAGE, 'refute: [flimflam, 42]\nrefutes: [vek]\n');
    const file = join(t.root, 'qtx', 'cues.yaml');
    expect(lines(t.root)).toEqual([
      `${file}:1:20: refute[1]: expected text, got the number 42: write it in quotes, '42'`,
      `${file}:2:1: unknown field 'refutes' (typo? did you mean 'refute'?)`,
    ]);
  });

  it('reports terms that match nothing and terms listed twice', () => {
    const t = rootWith(TOY_LANGUAGE, 'hedge:\n  - olu zindo\n  - "!!"\n  - Olu  zindo\n');
    const file = join(t.root, 'qtx', 'cues.yaml');
    expect(lines(t.root)).toEqual([
      `${file}:3:5: '!!' has no letter or digit: it would match nothing`,
      `${file}:4:5: 'Olu  zindo' is listed twice in hedge`,
    ]);
  });

  it('checks a language.yaml against the folder and the other languages', () => {
    const bad = TOY_LANGUAGE.replace('id: qtx', 'id: qtz')
      .replace('tags: [qtx]', 'tags: [qtx, kz]')
      .replace('stemmer: none', 'stemmer: snowbal-german')
      .replace('  latin:\n', '  latin:\n    default: true\n')
      .concat('negative_verb: "(ma"\npages:\n  paywall: ["(subscribe)?"]\n');
    const t = rootWith(bad, TOY_CUES);
    const file = join(t.root, 'qtx', 'language.yaml');
    expect(lines(t.root)).toEqual([
      `${file}:1:5: id 'qtz' must be the folder's name, 'qtx' (one folder per language)`,
      `${file}:4:13: tag 'kz' is also a tag of kk: a tag names one language`,
      expect.stringMatching(
        new RegExp(
          `^${file}:5:10: unknown stemmer 'snowbal-german': use one of kazakh, none, snowball-arabic, .*snowball-german`,
        ),
      ),
      `${file}:8:14: en is already the default language of latin`,
      expect.stringMatching(new RegExp(`^${file}:13:16: not a valid pattern: .*Unterminated group`)),
      `${file}:13:16: only a marked language (one with \`letters\`) reads negative verbs`,
      `${file}:15:13: the pattern matches an empty text, so it would match everything`,
    ]);
  });

  it('reports broken YAML and a folder without its files', () => {
    temp = tempLangRoot();
    temp.write('qtx/language.yaml', 'id: qtx\nscripts:\n\tlatin: {}\n');
    temp.write('qtx/cues.yaml', TOY_CUES);
    temp.write('zz/language.yaml', TOY_LANGUAGE.replace('id: qtx', 'id: zz'));
    expect(lines(temp.root)).toEqual([
      `${join(temp.root, 'qtx', 'language.yaml')}:3:1: tab character used for indentation: YAML indents with spaces only`,
      `${join(temp.root, 'zz', 'cues.yaml')}:1:1: missing cues.yaml: every language folder has language.yaml and cues.yaml`,
    ]);
  });

  it('makes the command exit 1 with the problems on stderr, and 0 with a summary line when valid', async () => {
    const t = rootWith(TOY_LANGUAGE, 'refute: [flimflam, 42]\n');
    const bad = captureIO();
    expect(await claimsLintWith(t.root)(['test/fixtures/claims/valid'], bad.io)).toBe(1);
    expect(bad.out()).toBe('');
    expect(bad.err()).toBe(
      `${join(t.root, 'qtx', 'cues.yaml')}:1:20: refute[1]: expected text, got the number 42: write it in quotes, '42'\n1 problem in 1 file\n`,
    );
    const good = captureIO();
    expect(await claimsLintWith(packageLangDir())(['test/fixtures/claims/valid'], good.io)).toBe(0);
    expect(good.out()).toContain('\nlang: 3 languages (en, kk, ru), no problems\n');
  });
});
