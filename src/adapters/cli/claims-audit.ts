/**
 * `claimdesk claims audit [--json] [dir]`: per entry, the sources and denials with dates, the
 * attributions to named actors that have no source, the strings no speaker has checked, and whether
 * the entry was updated in the last year. Exit 0 when the report was printed (whatever it found),
 * 1 when the catalogue cannot be read or fails the schema, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { type AuditReport, auditCatalogue, type EntryAudit } from '../../claims/audit.js';
import { formatIssue } from '../../claims/issues.js';
import { catalogueVersion, claimsDirFrom, readActors, readEntryFiles } from '../../claims/load.js';
import { validateCatalogueFiles } from '../../claims/validate.js';
import type { CliCommand } from './io.js';

const USAGE = 'Usage: claimdesk claims audit [--json] [dir]   (default: $CLAIMS_DIR or ./claims)\n';

export const claimsAudit: CliCommand = async (args, io) => {
  let parsed: { values: { json?: boolean | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  } catch (err) {
    io.stderr.write(`claimdesk claims audit: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    io.stderr.write(`claimdesk claims audit: give at most one directory\n${USAGE}`);
    return 2;
  }
  const dir = parsed.positionals[0] ?? claimsDirFrom(io.env);
  let read: Awaited<ReturnType<typeof readEntryFiles>>;
  try {
    read = await readEntryFiles(dir);
  } catch (err) {
    io.stderr.write(`claimdesk claims audit: cannot read the catalogue in ${dir}: ${String(err)}\n`);
    return 1;
  }
  // Unsourced attributions are what the audit reports, so the provenance rule is left out here;
  // every other problem must be fixed first (claims lint shows them too).
  const meta = await readActors(dir);
  const { entries, issues } = validateCatalogueFiles(read.files);
  const problems = [...read.issues, ...meta.issues, ...issues];
  if (problems.length > 0) {
    for (const issue of problems) io.stderr.write(`${formatIssue(issue)}\n`);
    io.stderr.write(
      `claimdesk claims audit: the catalogue in ${dir} has problems; fix them first (claimdesk claims lint)\n`,
    );
    return 1;
  }
  const report = auditCatalogue(entries, {
    version: catalogueVersion(read.files),
    actors: meta.actors,
    today: io.now?.() ?? new Date(),
  });
  io.stdout.write(parsed.values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, dir));
  return 0;
};

function renderReport(r: AuditReport, dir: string): string {
  const lines = [
    `${dir}: ${r.catalogue.entries} entries, catalogue version ${r.catalogue.version}; stale = updated before ${r.staleBefore}`,
    '',
  ];
  for (const e of r.entries) lines.push(...renderEntry(e), '');
  const t = r.totals;
  lines.push(
    `Totals: ${t.unsourcedAttributions} unsourced attribution${t.unsourcedAttributions === 1 ? '' : 's'}, ` +
      `${t.unverifiedStrings} unverified string${t.unverifiedStrings === 1 ? '' : 's'}, ` +
      `${t.staleEntries} ${t.staleEntries === 1 ? 'entry' : 'entries'} not updated in a year`,
  );
  return `${lines.join('\n')}\n`;
}

function renderEntry(e: EntryAudit): string[] {
  const out = [`${e.id} (${e.kind}, updated ${e.updated}${e.stale ? ', STALE: not updated in a year' : ''})`];
  const list = (label: string, items: string[]) => {
    out.push(`  ${label}: ${items.length === 0 ? 'none' : items.length}`);
    for (const i of items) out.push(`    ${i}`);
  };
  list(
    'sources',
    e.sources.map((s) => `${s.date ?? 'undated'}  ${s.title}  ${s.url}`),
  );
  list('context sources', e.contextSources);
  list(
    'denials',
    e.denials.map((d) => `${d.date}  ${d.type}  ${d.body}  ${d.url}`),
  );
  list(
    'variants',
    e.variants.map((v) => `${v.year}  ${v.source ?? 'no source'}`),
  );
  list(
    'unsourced attributions',
    e.unsourcedAttributions.map((u) => u.message),
  );
  list(
    'unverified strings',
    e.unverifiedStrings.map((u) => `${u.path}: ${u.text.replace(/\s+/g, ' ')}`),
  );
  return out;
}
