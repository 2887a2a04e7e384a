/** Small inline catalogues for validator tests, and positions found in their text. */
import { stringify } from 'yaml';
import type { EntryInput } from '../../src/model/catalogue.js';
import { validateCatalogueFiles } from '../../src/claims/validate.js';
import { testEntry } from '../helpers/catalogue.js';

export interface File {
  name: string;
  text: string;
}

export function file(input: EntryInput, name = `${input.id}.yaml`): File {
  return { name, text: stringify(input) };
}

export function run(...files: File[]) {
  return validateCatalogueFiles(files.map((f) => ({ path: `claims/${f.name}`, name: f.name, text: f.text })));
}

/** 1-based line and column of the first occurrence of `needle` in `text` (plus `skip` characters). */
export function at(text: string, needle: string, skip = 0): { line: number; col: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in text: ${needle}`);
  const before = text.slice(0, i + skip).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

/** Where the value of `key: value` is. */
export const value = (text: string, key: string, v: string) => at(text, `${key}: ${v}`, key.length + 2);

export const narrative = (id: string, over: Partial<EntryInput> = {}) =>
  testEntry({ id, kind: 'narrative', ...over });
