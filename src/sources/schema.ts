/**
 * The sources list: one YAML file per outlet or channel in sources/, each saying who classified it
 * and where. A listed source is a signal for the matcher and the reply, never a verdict on its own.
 */
import { z } from 'zod';
import { dateString, httpsUrl } from '../model/catalogue.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const SOURCE_KINDS = ['state_media', 'affiliated', 'anonymous_channel'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A bare host name as a browser shows it, lower case: ria.ru, sputnik.kz (subdomains match too). */
const HOST_SHAPE = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const hostName = z
  .string()
  .regex(HOST_SHAPE, 'must be a lower-case host name like ria.ru: no https://, no path, no capitals');

/** A public Telegram username: 5-32 letters, digits or underscores, starting with a letter. */
export const HANDLE_SHAPE = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;
export const telegramHandle = z
  .string()
  .regex(HANDLE_SHAPE, 'must be a Telegram handle (5-32 letters, digits or _), written without @ or t.me/');

export const classification = z.strictObject({
  /** The body that classified the outlet, e.g. "EU Council (sanctions)", "US Department of State". */
  who: nonEmpty,
  /** What it did, in a few words: "suspended its broadcasting in the EU". */
  what: nonEmpty.optional(),
  /** The page where the classification can be read. */
  url: httpsUrl,
  date: dateString.optional(),
});

export const sourceSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single hyphens)')
    .describe('kebab-case, equal to the file name without .yaml'),
  name: nonEmpty.describe('The name a reader knows it by, e.g. "RIA Novosti"'),
  domains: z.array(hostName).default([]).describe('Host names it publishes on; subdomains match too'),
  telegram: z.array(telegramHandle).default([]).describe('Telegram channel handles, without @'),
  kind: z.enum(SOURCE_KINDS).describe('state_media | affiliated | anonymous_channel'),
  classified_by: z
    .array(classification)
    .min(1, 'needs at least one classification: who classified it, and the url of the citation')
    .describe('Who classified it, with the citation: { who, what?, url, date? }'),
  notes: nonEmpty.optional(),
});

export type Source = z.output<typeof sourceSchema>;
export type Classification = z.output<typeof classification>;

/** A loaded sources list; `version` changes whenever any file changes. */
export interface SourceList {
  version: string;
  sources: ReadonlyArray<Source>;
}
