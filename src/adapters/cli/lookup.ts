/** `claimdesk lookup [--json] [--limit N] [--lang en|ru|kk] <words...>`: search the catalogue, best first. */
import { parseArgs } from 'node:util';
import { formatIssue } from '../../claims/issues.js';
import { claimsDirFrom, validateCatalogueDir } from '../../claims/load.js';
import { type CatalogueLang, newestOfficialDenial, pick } from '../../claims/localize.js';
import { lookupEntries } from '../../claims/lookup.js';
import { wordsLanguage } from '../../lang/detect.js';
import type { Catalogue, Denial } from '../../model/catalogue.js';
import type { LookupHit } from '../../model/ports.js';
import type { CliCommand } from './io.js';

const USAGE =
  'Usage: claimdesk lookup [--json] [--limit N] [--lang en|ru|kk] <words...>\n' +
  '  words in English, Russian or Kazakh; titles are shown in the language of the words unless --lang is given\n';

const OPTIONS = { json: { type: 'boolean' }, limit: { type: 'string' }, lang: { type: 'string' } } as const;
const LANGS: ReadonlyArray<CatalogueLang> = ['en', 'ru', 'kk'];

export const lookup: CliCommand = async (args, io) => {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    io.stderr.write(`claimdesk lookup: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const query = parsed.positionals.join(' ').trim();
  if (!query) {
    io.stderr.write(`claimdesk lookup: give at least one word to look for\n${USAGE}`);
    return 2;
  }
  const limit = parsed.values.limit === undefined ? 5 : Number(parsed.values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    io.stderr.write(`claimdesk lookup: --limit must be a whole number from 1 to 100\n${USAGE}`);
    return 2;
  }
  const langOption = parsed.values.lang;
  const lang = LANGS.find((l) => l === langOption);
  if (langOption !== undefined && !lang) {
    io.stderr.write(`claimdesk lookup: --lang must be en, ru or kk\n${USAGE}`);
    return 2;
  }

  const dir = claimsDirFrom(io.env);
  const { catalogue, issues } = await validateCatalogueDir(dir);
  if (!catalogue) {
    for (const issue of issues) io.stderr.write(`${formatIssue(issue)}\n`);
    io.stderr.write(`claimdesk lookup: the catalogue in ${dir} is invalid; run claimdesk claims lint\n`);
    return 1;
  }
  const hits = lookupEntries(catalogue, query, limit);
  const shown = lang ?? languageOf(query);
  if (parsed.values.json) {
    io.stdout.write(`${JSON.stringify(toJson(catalogue, query, hits, shown), null, 2)}\n`);
  } else if (hits.length === 0) {
    io.stdout.write(`No entries match "${query}".\n`);
  } else {
    io.stdout.write(`${hits.map((h, i) => renderHit(h, i + 1, shown)).join('\n')}`);
  }
  return 0;
};

/** The language of the words, as the language guesser reads them (lang/detect.ts). */
export function languageOf(text: string): CatalogueLang {
  return wordsLanguage(text);
}

function denialLine(d: Denial): string {
  const who = d.person ? `${d.body} (${d.person})` : d.body;
  return `${who}, ${d.date}${d.via ? `, ${d.via}` : ''}: ${d.url}`;
}

function renderHit(hit: LookupHit, n: number, lang: CatalogueLang): string {
  const e = hit.entry;
  const denial = newestOfficialDenial(e);
  const lines = [
    `${n}. ${pick(e.title, lang)}`,
    `   ${e.id} · ${e.kind} · rating: ${e.rating}${e.parent ? ` · part of ${e.parent}` : ''}`,
    denial
      ? `   Official denial: ${denialLine(denial)}`
      : `   No official denial: ${e.no_official_denial ?? 'none listed'}`,
  ];
  return `${lines.join('\n')}\n`;
}

function toJson(catalogue: Catalogue, query: string, hits: LookupHit[], lang: CatalogueLang) {
  return {
    query,
    catalogue: { version: catalogue.version, entries: catalogue.entries.length },
    results: hits.map(({ entry: e, score }) => {
      const d = newestOfficialDenial(e);
      return {
        id: e.id,
        kind: e.kind,
        title: pick(e.title, lang),
        rating: e.rating,
        parent: e.parent ?? null,
        score,
        newestOfficialDenial: d
          ? { body: d.body, person: d.person ?? null, date: d.date, url: d.url, via: d.via ?? null }
          : null,
        noOfficialDenial: e.no_official_denial ?? null,
      };
    }),
  };
}
