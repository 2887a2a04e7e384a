import { describe, expect, it } from 'vitest';
import { clearWordKeyCache, otherScriptTag, wordKeys } from '../../src/text/word-keys.js';

const meet = (a: { keys: string[] }, b: { keys: string[] }) => a.keys.some((k) => b.keys.includes(k));
const meetNames = (text: { names: string[] }, term: { names: string[] }) =>
  text.names.some((n) =>
    term.names.some((t) => t.slice(2) === n.slice(2) && t.slice(0, 2) !== n.slice(0, 2)),
  );

describe('wordKeys', () => {
  it('meets Snowball forms that stem differently (Казахстан / Казахстане)', () => {
    expect(meet(wordKeys('казахстан'), wordKeys('казахстане'))).toBe(true);
    expect(meet(wordKeys('астана'), wordKeys('астаны'))).toBe(true);
  });
  it('gives article words the whole Kazakh chain and terms the word as written', () => {
    expect(wordKeys('қазақстанның', false, 'text').keys).toContain('қазақстан');
    expect(wordKeys('қазақстаннан', true, 'term').keys).toEqual(['қазақстаннан']);
    expect(meet(wordKeys('ресейге', true, 'text'), wordKeys('ресей', true, 'term'))).toBe(true);
    expect(meet(wordKeys('қазақстан', true, 'text'), wordKeys('қазақстаннан', true, 'term'))).toBe(false);
  });
  it('tags name keys with the script, so only the other script meets them', () => {
    const cyr = wordKeys('токаевым');
    const lat = wordKeys('tokayev');
    expect(cyr.names.every((n) => n.startsWith('c:'))).toBe(true);
    expect(meetNames(cyr, lat)).toBe(true);
    expect(otherScriptTag(cyr.script)).toBe('l:');
    expect(otherScriptTag('other')).toBeNull();
  });
  it('drops name keys shorter than four letters', () => {
    expect(wordKeys('нат').names).toEqual([]);
  });
  it('returns the same keys after the memo is cleared', () => {
    const before = wordKeys('биолабораторий');
    clearWordKeyCache();
    expect(wordKeys('биолабораторий')).toEqual(before);
  });
});
