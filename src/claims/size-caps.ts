/**
 * Size caps on catalogue files: one entry is a few kilobytes, so a file past the cap is a mistake
 * (or an attack on the validator) and is refused before it is parsed.
 */
import type { CatalogueIssue } from './issues.js';

/** Largest entry (or meta) file, in bytes. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Largest catalogue, all files together, in bytes. */
export const MAX_TOTAL_BYTES = 8 * 1024 * 1024;

const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;

export function fileSizeIssue(file: string, bytes: number): CatalogueIssue | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  return {
    file,
    line: 1,
    col: 1,
    message: `file is ${kb(bytes)}, over the ${kb(MAX_FILE_BYTES)} cap for one catalogue file: split it into entries or trim it`,
  };
}

/** The cap checked on a file's text (the validator gets texts, the loader sizes on disk). */
export function sizeIssue(file: string, text: string): CatalogueIssue | null {
  // A string of n UTF-16 units is at least n bytes: skip the exact count for short texts.
  if (text.length * 3 <= MAX_FILE_BYTES) return null;
  return fileSizeIssue(file, Buffer.byteLength(text, 'utf8'));
}

export function totalSizeIssue(dir: string, bytes: number): CatalogueIssue | null {
  if (bytes <= MAX_TOTAL_BYTES) return null;
  return {
    file: dir,
    line: 1,
    col: 1,
    message: `the catalogue is ${kb(bytes)}, over the ${kb(MAX_TOTAL_BYTES)} cap for all files together: remove files that are not entries`,
  };
}
