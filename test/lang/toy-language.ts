/**
 * A temporary language root: copies of the shipped lang/ folders plus any folders a test writes
 * (a toy language, a broken file), so the registry can be loaded from it with no code change.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageLangDir } from '../../src/lang/root.js';

export interface TempRoot {
  root: string;
  write(path: string, text: string): string;
  remove(): void;
}

export function tempLangRoot(withShipped = true): TempRoot {
  const root = mkdtempSync(join(tmpdir(), 'claimdesk-lang-'));
  if (withShipped) cpSync(packageLangDir(), root, { recursive: true });
  return {
    root,
    write(path, text) {
      const file = join(root, path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** "Qtoxic": an invented language in Latin script (qtx is an ISO 639 code for local use). */
export const TOY_LANGUAGE = `id: qtx
name: Qtoxic
native_name: Qtoxi
tags: [qtx]
stemmer: none
scripts:
  latin:
    detect:
      words: [zo, vek, mir, ta, olu, sen]
first_person: [mu]
no_lede: [nai]
`;

export const TOY_CUES = `refute: [flimflam, vekno sen]
hedge: [olu zindo]
`;

/** A paragraph of Qtoxic: long enough (over 200 letters) that the guesser weighs its words. */
export const TOY_TEXT =
  'Zo vek mir ta olu sen brakka. Zo mir ta vek olu sen dolmi, ta zo vek mir tarrasto olu. ' +
  'Sen ta zo mir vek olu grinda, zo ta mir vek sen olu pellek. Mir zo ta vek olu sen korvi ta zo. ' +
  'Vek mir zo ta sen olu, mir ta zo vek olu sen frandi.';
