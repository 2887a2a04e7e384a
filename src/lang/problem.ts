/** What the language validator reports, and the folders it checks after the schema. */
import type { z } from 'zod';
import type { CuesFile, LanguageFile } from './schema.js';

export interface LanguageProblem {
  file: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  /** Set for a schema problem: the lint words it like the catalogue's (did you mean …?). */
  issue?: z.core.$ZodIssue;
  /** The schema it concerns, for those hints. */
  schema?: unknown;
}

export interface ParsedFolder {
  name: string;
  dir: string;
  languageFile: string;
  cuesFile: string;
  language: LanguageFile;
  cues: CuesFile;
}
