/**
 * The language registry: the shipped folders, and a new language added as one folder (in a temp
 * root) that the registry, the guesser and the matcher pick up with no code change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGuesser } from '../../src/lang/guess.js';
import { defaultRegistry, LanguageDataError, loadRegistry } from '../../src/lang/load.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';
import { type TempRoot, TOY_CUES, TOY_LANGUAGE, TOY_TEXT, tempLangRoot } from './toy-language.js';

let temp: TempRoot | null = null;
afterEach(() => {
  temp?.remove();
  temp = null;
});

function withToy(): TempRoot {
  temp = tempLangRoot();
  temp.write('qtx/language.yaml', TOY_LANGUAGE);
  temp.write('qtx/cues.yaml', TOY_CUES);
  return temp;
}

describe('the shipped registry', () => {
  const r = defaultRegistry();

  it('holds English, Kazakh and Russian, one folder each, with their stemmers and scripts', () => {
    expect(r.languages.map((l) => [l.id, l.stemmerName])).toEqual([
      ['en', 'snowball-english'],
      ['kk', 'kazakh'],
      ['ru', 'snowball-russian'],
    ]);
    expect(r.defaultOf('cyrillic')?.id).toBe('ru');
    expect(r.defaultOf('latin')?.id).toBe('en');
    expect(r.markedOf('cyrillic')?.id).toBe('kk');
    expect(r.markedOf('latin')?.id).toBe('kk');
    expect(r.defaultOf('other')).toBeNull();
    expect(r.isMarked('kk')).toBe(true);
    expect(r.isMarked('ru')).toBe(false);
    expect(r.isMarked(null)).toBe(false);
  });

  it('reads every cue kind of every language from its cues.yaml', () => {
    for (const l of r.languages) {
      expect(l.cues.refute.length, l.id).toBeGreaterThan(5);
      expect(l.cues.negation.length, l.id).toBeGreaterThan(2);
    }
    expect(r.get('ru')?.cues.hedge).toContain('якобы');
    expect(r.get('kk')?.cues.refute).toContain('жалған*');
    expect(r.get('en')?.cues.counter).toContain('not fake');
  });
});

describe('a new language is one folder', () => {
  it('is in the registry loaded from a root that has its folder, beside the shipped ones', () => {
    const r = loadRegistry(withToy().root);
    expect(r.languages.map((l) => l.id)).toEqual(['en', 'kk', 'qtx', 'ru']);
    const toy = r.get('qtx');
    expect(toy?.name).toBe('Qtoxic');
    expect(toy?.cues.refute).toEqual(['flimflam', 'vekno sen']);
    expect(toy?.cues.says).toEqual([]);
    expect(toy?.stemmer.stem('brakka', 'latin')).toBe('brakka');
    // Not a marked language and not a script's default: the shipped roles are unchanged.
    expect(r.markedOf('latin')?.id).toBe('kk');
    expect(r.defaultOf('latin')?.id).toBe('en');
  });

  it('is recognized by the guesser (its words), declared by its tag, and the others still are', () => {
    const g = createGuesser(loadRegistry(withToy().root));
    expect(g.article(TOY_TEXT, null)).toBe('qtx');
    expect(g.tag('qtx-AA')).toBe('qtx');
    const english =
      'The ministry said on Tuesday that the report was false and misleading. It added that no such ' +
      'centre had ever been planned, and that the officials named in the story do not exist.';
    expect(g.article(english, null)).toBe('en');
    expect(
      g.article('Министерство обороны заявило, что эти сообщения не соответствуют действительности.', null),
    ).toBe('ru');
    // Without the folder the same text is no language the registry knows.
    expect(createGuesser(defaultRegistry()).article(TOY_TEXT, null)).toBe('other');
  });

  it('gives the matcher its stance cues: a Qtoxic refutation makes the match debunk', () => {
    const catalogue = testCatalogue([testEntry({ id: 'alpha-beta' })]);
    const article = { text: 'Alpha beta zo vek. Ta flimflam olu.', title: null, language: 'qtx' };
    const shipped = createLexicalMatcher(catalogue).match(article)[0];
    const toy = createLexicalMatcher(catalogue, { languages: loadRegistry(withToy().root) }).match(
      article,
    )[0];
    expect(shipped?.stance).toBe('promotes');
    expect(toy?.stance).toBe('debunks');
    expect(toy?.evidence[0]?.quote).toBe('Alpha beta zo vek.');
    // A Qtoxic fact-check lede ("Nai, …") refutes as "No, …" does.
    const lede = { text: 'Nai, alpha beta is not what happened.', title: null, language: 'qtx' };
    expect(
      createLexicalMatcher(catalogue, { languages: loadRegistry(withToy().root) }).match(lede)[0]?.stance,
    ).toBe('debunks');
  });

  it('refuses a root whose folder is broken, in one line that names the file and the field', () => {
    const t = withToy();
    t.write('qtx/cues.yaml', 'refute: [flimflam, 42]\n');
    expect(() => loadRegistry(t.root)).toThrow(LanguageDataError);
    expect(() => loadRegistry(t.root)).toThrow(
      /^invalid language data: .*qtx\/cues\.yaml: refute\.1: .*; run `claimdesk claims lint` for every position$/,
    );
  });

  it('refuses a folder without cues.yaml, a missing root and an empty file', () => {
    const t = withToy();
    t.write('zz/language.yaml', TOY_LANGUAGE.replace('id: qtx', 'id: zz'));
    expect(() => loadRegistry(t.root)).toThrow(/zz\/cues\.yaml: missing cues\.yaml/);
    expect(() => loadRegistry(`${t.root}/nope`)).toThrow(/cannot read the languages: no such directory/);
    t.write('zz/cues.yaml', '');
    expect(() => loadRegistry(t.root)).toThrow(/zz\/cues\.yaml: the file is empty/);
  });
});
