/** `claimdesk claims export --format claimreview [--dir d] [--base-url URL] [--include-narratives]`. */
import { parseArgs } from 'node:util';
import { toClaimReviews } from '../../claims/export-claimreview.js';
import { formatIssue } from '../../claims/issues.js';
import { claimsDirFrom, validateCatalogueDir } from '../../claims/load.js';
import { publisherLookup } from '../../sources/publisher.js';
import type { CliCommand } from './io.js';

const USAGE =
  'Usage: claimdesk claims export --format claimreview [--dir dir] [--base-url URL] [--include-narratives]\n' +
  "  --base-url  where entries are published; the id is appended to make each review's url (omitted otherwise)\n";

const OPTIONS = {
  format: { type: 'string' },
  dir: { type: 'string' },
  'base-url': { type: 'string' },
  'include-narratives': { type: 'boolean' },
} as const;

export const claimsExport: CliCommand = async (args, io) => {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({ args, options: OPTIONS, allowPositionals: false }).values;
  } catch (err) {
    io.stderr.write(`claimdesk claims export: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (values.format !== 'claimreview') {
    const got = values.format === undefined ? 'no --format' : `--format ${values.format}`;
    io.stderr.write(`claimdesk claims export: the only format is claimreview (got ${got})\n${USAGE}`);
    return 2;
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) {
    io.stderr.write(
      `claimdesk claims export: --base-url must be an absolute http(s) URL, got "${baseUrl}"\n`,
    );
    return 2;
  }
  const dir = values.dir ?? claimsDirFrom(io.env);
  const { catalogue, issues } = await validateCatalogueDir(dir);
  if (!catalogue) {
    for (const issue of issues) io.stderr.write(`${formatIssue(issue)}\n`);
    io.stderr.write(
      `claimdesk claims export: the catalogue in ${dir} is invalid; run claimdesk claims lint\n`,
    );
    return 1;
  }
  const publisherFor = await publisherLookup(dir, io.env);
  if (typeof publisherFor === 'string') {
    io.stderr.write(
      `${publisherFor}\nclaimdesk claims export: the sources list is invalid; run claimdesk claims lint\n`,
    );
    return 1;
  }
  const reviews = toClaimReviews(catalogue, {
    publisherFor,
    includeNarratives: values['include-narratives'] === true,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
  });
  io.stdout.write(`${JSON.stringify(reviews, null, 2)}\n`);
  return 0;
};
