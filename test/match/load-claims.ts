/**
 * Reads the shipped catalogue for the matcher's tests: every claims/*.yaml parsed through the entry
 * schema (the catalogue's own loader adds positions and cross-entry rules; these tests only need
 * the parsed entries).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Catalogue, type Entry, entrySchema } from '../../src/claims/schema.js';

export const CLAIMS_DIR = join(import.meta.dirname, '..', '..', 'claims');

export function readClaims(dir = CLAIMS_DIR): Catalogue {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const entries: Entry[] = files.map((f) => entrySchema.parse(parse(readFileSync(join(dir, f), 'utf8'))));
  return { version: 'test', entries, byId: new Map(entries.map((e) => [e.id, e])) };
}
