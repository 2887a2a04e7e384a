/**
 * The catalogue entry schema: one YAML file per entry in claims/.
 * This is the single source of truth: the loader parses through it, and claims/schema.json
 * (for editors) is generated from it by `npm run schema`.
 */
import { z } from 'zod';
import { DATE_SHAPE, isRealDate } from './dates.js';
import { urlProblem } from './urls.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** The languages catalogue texts and terms are written in (the keys of every text and term list). */
export const CATALOGUE_LANGS = ['en', 'ru', 'kk'] as const;
export type CatalogueLang = (typeof CATALOGUE_LANGS)[number];

/**
 * YYYY-MM-DD, or YYYY-MM / YYYY when only the month or the year is known (sources often give no
 * more: never invent the missing part). A real calendar date: 2023-02-30 is refused.
 */
export const dateString = z
  .string()
  .regex(
    DATE_SHAPE,
    'must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY, when only the month or year is known)',
  )
  .refine((s) => !DATE_SHAPE.test(s) || isRealDate(s), {
    error: (iss) => `${String(iss.input)} is not a real calendar date`,
  });

/** An absolute https URL that parses, with a dotted host name and no user name or password. */
const HTTPS_SHAPE = /^https:\/\/[^\s/?#]+\.[^\s/?#]+[^\s]*$/;
export const httpsUrl = z
  .string()
  .regex(HTTPS_SHAPE, 'must be an absolute https:// address')
  .refine((u) => !HTTPS_SHAPE.test(u) || urlProblem(u) === null, {
    error: (iss) => `${urlProblem(String(iss.input)) ?? 'not a valid address'}, got '${String(iss.input)}'`,
  });

/**
 * A string of the catalogue: plain text, or `{ text, unverified: true }` while no speaker of the
 * language has checked it (replies then show the English text instead; see localize.ts).
 */
export const checkedString = z.union([
  nonEmpty,
  z.strictObject({ text: nonEmpty, unverified: z.boolean().optional() }),
]);

/** Text in English (required) and optionally Russian and Kazakh. */
export const localizedText = z.strictObject({
  en: checkedString,
  ru: checkedString.optional(),
  kk: checkedString.optional(),
});

const termLists = {
  en: z.array(checkedString).optional(),
  ru: z.array(checkedString).optional(),
  kk: z.array(checkedString).optional(),
};
const hasTerm = (t: { en?: unknown[] | undefined; ru?: unknown[] | undefined; kk?: unknown[] | undefined }) =>
  (t.en?.length ?? 0) + (t.ru?.length ?? 0) + (t.kk?.length ?? 0) > 0;

/** Terms per language. A term is a word or phrase; see claims/README.md "How matching works". */
export const termsByLanguage = z.strictObject(termLists).refine(hasTerm, 'needs at least one term');

/** One weighted signal of a narrative: loaded words or phrases that stand for one idea. */
export const signalTerms = z
  .strictObject({
    /** 1 = a hint, 2 = typical of the narrative, 3 = all but states it. */
    weight: z.number().int().min(1).max(3),
    ...termLists,
  })
  .refine(hasTerm, 'needs at least one term');

/**
 * Narrative-level recognition: evidence that accumulates across the whole article. Each signal that
 * occurs anywhere counts its weight once (repeating one word adds nothing); the entry matches when
 * the total reaches `min`, at least two different signals occur, and every `require`d concept occurs.
 */
export const signalsDefinition = z
  .strictObject({
    min: z.number().int().min(2).max(20),
    /** Concepts of `match.concepts` that must occur somewhere in the article (e.g. the country). */
    require: z.array(z.string()).default([]),
    /** Added once when the headline is a question that holds a signal or a concept of the entry. */
    question_title: z.number().int().min(0).max(3).default(0),
    terms: z.array(signalTerms).min(2, 'needs at least two signals: one word is never enough'),
  })
  .refine((s) => s.terms.every((t) => t.weight < s.min), {
    message: 'every signal weight must be below min: one signal alone must never be enough',
    path: ['min'],
  });

export const matchDefinition = z.strictObject({
  /** Named concepts: each a set of synonyms and paraphrases in the three languages. */
  concepts: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, 'concept names are lower_snake_case'),
    termsByLanguage,
  ),
  /**
   * Each pattern lists concept names that must all occur within `window` consecutive sentences.
   * The entry matches when any pattern does. A pattern needs at least two concepts, so one common
   * word is never enough on its own.
   */
  patterns: z.array(z.array(z.string()).min(2, 'a pattern needs at least two concepts')).min(1),
  /** How many consecutive sentences the concepts of a pattern may be spread over (1 = same sentence). */
  window: z.number().int().min(1).max(5).default(2),
  /** Terms that cancel a match when they occur in the same window (e.g. a different, true event). */
  exclude: termsByLanguage.optional(),
  /** Weighted loaded vocabulary that may accumulate across the article (claims/README.md "Signals"). */
  signals: signalsDefinition.optional(),
});

export const exampleText = z.strictObject({
  lang: z.enum(CATALOGUE_LANGS),
  text: nonEmpty,
  note: nonEmpty.optional(),
  /** Where these words were seen: required when the text names a person or institution (claims/meta/actors.yaml). */
  source: httpsUrl.optional(),
  /** The text is in a language no speaker has checked yet. */
  unverified: z.boolean().optional(),
});

/** A recurrence of the claim in a later (or earlier) year. */
export const variant = z.strictObject({
  year: z.number().int().min(1991).max(2100),
  /** What was claimed that year, in English. */
  summary: nonEmpty,
  /** Reporting that shows it; required when the summary names a person or institution. */
  source: httpsUrl.optional(),
});

export const denial = z.strictObject({
  /** The body that denied the claim (ministry, office, organisation). */
  body: nonEmpty,
  /** The person who spoke for it, when named. */
  person: nonEmpty.optional(),
  /** official = a state body or official; independent = a newsroom, fact-checker or NGO. */
  type: z.enum(['official', 'independent']),
  date: dateString,
  url: httpsUrl,
  /** How the denial reached us when it was not published by the body itself, e.g. "quoted by TASS". */
  via: nonEmpty.optional(),
  /** A short quote in its original language, only when the source has it verbatim. */
  quote: z.strictObject({ text: nonEmpty, lang: z.enum(CATALOGUE_LANGS) }).optional(),
});

export const source = z.strictObject({
  title: nonEmpty,
  url: httpsUrl,
  publisher: nonEmpty.optional(),
  date: dateString.optional(),
});

export const entrySchema = z.strictObject({
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single hyphens)')
    .describe('kebab-case, equal to the file name without .yaml'),
  kind: z
    .enum(['claim', 'narrative'])
    .describe('claim = one specific false statement; narrative = a recurring framing'),
  /** For a claim: the id of the narrative it belongs to. */
  parent: z.string().optional().describe('For a claim: the id of the narrative it belongs to'),
  rating: z
    .enum(['false', 'misleading', 'unsupported', 'distorted', 'fabricated', 'manipulated'])
    .describe("The verdict. Quote it in YAML: rating: 'false'"),
  first_seen: dateString.describe(
    'When the claim was first seen in the sources (YYYY-MM-DD, YYYY-MM or YYYY)',
  ),
  updated: dateString.describe('When this entry was last changed (not earlier than first_seen)'),
  title: localizedText.describe('A short statement of the claim (English required; ru and kk optional)'),
  /** What is claimed. */
  summary: localizedText.describe('What is claimed, by whom, when'),
  /** What is true: the facts a journalist needs. */
  context: localizedText.describe(
    'What is true: the facts a journalist needs (first sentences appear in replies)',
  ),
  context_sources: z
    .array(httpsUrl)
    .default([])
    .describe('Reporting the context rests on: required when the context names a person or institution'),
  variants: z
    .array(variant)
    .default([])
    .describe('Years the claim came back: year, summary (English), source'),
  denials: z
    .array(denial)
    .default([])
    .describe('Who refuted it: official (a state body or official) or independent, with date and address'),
  /** Required when `denials` has no official denial: say honestly why (e.g. none was found). */
  no_official_denial: nonEmpty
    .optional()
    .describe('Required exactly when no denial has type official: say honestly why'),
  sources: z.array(source).default([]).describe('Reporting on the claim: title, address, date'),
  tags: z.array(nonEmpty).default([]).describe('Free keywords, searched by `claimdesk lookup`'),
  match: matchDefinition.describe('What the lexical matcher needs: concepts, patterns, window, exclude'),
  examples: z
    .strictObject({
      /** Texts that promote the claim: the matcher must flag them. At least two. */
      match: z.array(exampleText).min(2, 'needs at least 2 examples that must match'),
      /** Texts that must not be flagged (neutral news with similar words). At least one. */
      no_match: z.array(exampleText).min(1, 'needs at least 1 example that must not match'),
      /** Texts that report on or debunk the claim: they may match, but never as "promotes". */
      debunk: z.array(exampleText).default([]),
    })
    .describe('Test texts run on every pull request: match (>= 2), no_match (>= 1), debunk'),
});

export type Entry = z.output<typeof entrySchema>;
export type EntryInput = z.input<typeof entrySchema>;
export type MatchDefinition = z.output<typeof matchDefinition>;
export type SignalsDefinition = z.output<typeof signalsDefinition>;
export type Denial = z.output<typeof denial>;
export type Localized = z.output<typeof localizedText>;
export type Variant = z.output<typeof variant>;
export type ExampleText = z.output<typeof exampleText>;

/** A loaded catalogue: entries by id, and a version that changes whenever any file changes. */
export interface Catalogue {
  /** Short content hash of all entry files (12 hex digits of sha256, e.g. "9341e48b92a8"); keys caches. */
  version: string;
  entries: ReadonlyArray<Entry>;
  byId: ReadonlyMap<string, Entry>;
}
