/**
 * The schema of a language folder: lang/<id>/language.yaml (who the language is, how to recognize,
 * stem and transliterate it) and lang/<id>/cues.yaml (its stance cues). One schema, used by the
 * registry's loader and by `claimdesk claims lint`; lang/README.md documents every field.
 */
import { z } from 'zod';
import { CUE_KINDS, type CueKind } from './cue-kinds.js';
import { SCRIPTS, type ScriptName } from './scripts.js';

const text = z.string().trim().min(1, 'must not be empty');
/** A word as the matcher folds it: lower case, no spaces. */
const word = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^[^\s]+$/, 'must be one word (no spaces)')
  .refine((w) => w === w.toLowerCase(), 'must be written in lower case');
const words = z.array(word);
/** A run of letters, each counted as written (list upper and lower case where both count). */
const letters = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^\p{L}+$/u, 'must be letters only, written together (no spaces or commas)');
const char = z.string().regex(/^.$/u, 'must be a single character');

/** Regular expressions (case-insensitive) for pages that are no article; see lang/README.md. */
const patterns = z.array(text).default([]);
export const pagePhrases = z.strictObject({
  challenge: patterns,
  error: patterns,
  not_found: patterns,
  login: patterns,
  paywall: patterns,
  cookies: patterns,
});
export const PAGE_PHRASE_KINDS = ['challenge', 'error', 'not_found', 'login', 'paywall', 'cookies'] as const;

export const detectProfile = z.strictObject({
  letters: letters.optional(),
  rare: letters.optional(),
  confirm: letters.optional(),
  signature: letters.optional(),
  words: words.optional(),
});

export const scriptProfile = z.strictObject({
  default: z.boolean().optional(),
  letters: letters.optional(),
  count_unless_next: z.record(char, char).optional(),
  detect: detectProfile.optional(),
});

const scripts = Object.fromEntries(SCRIPTS.map((s) => [s, scriptProfile.optional()])) as Record<
  ScriptName,
  z.ZodOptional<typeof scriptProfile>
>;

export const languageFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code of 2 or 3 lower-case letters (ISO 639)'),
  name: text,
  native_name: text,
  tags: z.array(z.string().regex(/^[a-z]{2,8}$/, 'must be lower-case letters (a BCP 47 primary tag)')).min(1),
  franc: z
    .string()
    .regex(/^[a-z]{3}$/, "must be franc's three-letter code (ISO 639-3)")
    .nullable()
    .default(null),
  stemmer: text,
  scripts: z.strictObject(scripts),
  fold: z.record(char, char).default({}),
  transliteration: z
    .record(char, z.string().regex(/^[a-z]*$/, 'must be plain Latin letters a-z'))
    .default({}),
  abbreviations: words.default([]),
  first_person: words.default([]),
  no_lede: words.default([]),
  stop_words: words.default([]),
  attribution: z
    .strictObject({ anywhere: words.default([]), without_subject: words.default([]) })
    .default({ anywhere: [], without_subject: [] }),
  negative_verb: z.string().min(1).nullable().default(null),
  pages: pagePhrases.default({
    challenge: [],
    error: [],
    not_found: [],
    login: [],
    paywall: [],
    cookies: [],
  }),
});

const terms = z.array(text);
export const cuesFileSchema = z.strictObject(
  Object.fromEntries(CUE_KINDS.map((k) => [k, terms.default([])])) as Record<
    CueKind,
    z.ZodDefault<typeof terms>
  >,
);

export type LanguageFile = z.output<typeof languageFileSchema>;
export type ScriptProfile = z.output<typeof scriptProfile>;
export type CuesFile = z.output<typeof cuesFileSchema>;
export type PagePhrases = z.output<typeof pagePhrases>;
