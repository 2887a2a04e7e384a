/**
 * `claimdesk check [--json] [--offline] [--record] <input>...`: URLs, files (.html .htm .txt .md) or
 * `-` for stdin. `--record` also writes each check to the history in STORE_URL (the digest counts it).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { composeReply } from '../../pipeline/compose-reply.js';
import { errorDetails } from '../../pipeline/check-service.js';
import type { CheckService } from '../../model/check-service.js';
import { renderText } from '../../pipeline/render-text.js';
import type { CheckDetails, CheckOutput, ErrorCode } from '../../model/types.js';
import { FetchError } from '../../model/errors.js';
import { extractArticle } from '../../fetch/extract-article.js';
import type { CliIO } from './io.js';
import { cliApp, DEFAULT_STORE_URL } from './setup.js';
import type { App } from '../../app.js';
import { toCheckRecord } from '../../pipeline/history-record.js';
import { recordChecks } from '../../pipeline/record-checks.js';

const USAGE =
  'Usage: claimdesk check [--json] [--offline] [--record] <url | file.html | file.txt | file.md | ->...\n';
const OPTIONS = {
  json: { type: 'boolean' },
  offline: { type: 'boolean' },
  record: { type: 'boolean' },
} as const;
const TEXT_EXT = new Set(['.txt', '.md']);
const HTML_EXT = new Set(['.html', '.htm']);
const MAX_FILE_BYTES = 20 * 1024 * 1024;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function failed(input: string, code: ErrorCode, message: string): CheckDetails {
  return errorDetails(input, null, { code, message });
}

async function checkFile(service: CheckService, input: string, offline: boolean): Promise<CheckDetails> {
  const ext = extname(input).toLowerCase();
  const info = await stat(input).catch(() => null);
  if (!info?.isFile()) return failed(input, 'not_found', `There is no file named ${input}.`);
  if (!TEXT_EXT.has(ext) && !HTML_EXT.has(ext)) {
    return failed(
      input,
      'unsupported_type',
      `I can read .html, .htm, .txt and .md files, not "${ext || 'no extension'}".`,
    );
  }
  if (info.size > MAX_FILE_BYTES)
    return failed(input, 'too_large', `The file ${input} is larger than 20 MB.`);
  const raw = await readFile(input, 'utf8');
  if (TEXT_EXT.has(ext)) return service.checkText(raw, input, { offline });
  try {
    const article = extractArticle(raw, 'https://file.invalid/');
    return await service.checkText(article.text, input, { offline, title: article.title });
  } catch (err) {
    // A saved login wall, challenge or empty page: report it like the same page fetched live.
    if (err instanceof FetchError) return failed(input, err.code, err.message);
    throw err;
  }
}

async function checkOne(
  service: CheckService,
  input: string,
  io: CliIO,
  offline: boolean,
): Promise<CheckDetails> {
  if (input === '-') return service.checkText(await readStdin(io.stdin), '-', { offline });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return service.checkUrl(input, { offline });
  return checkFile(service, input, offline);
}

/** Each check as one history record (surface cli, no team or channel); a failure is said on stderr. */
async function recordCli(app: App, details: readonly CheckDetails[], io: CliIO): Promise<void> {
  const records = details.map((d) =>
    toCheckRecord(d, {
      surface: 'cli',
      catalogueVersion: app.catalogue.version,
      alertThreshold: app.config.alertThreshold,
      ...(io.now ? { at: io.now() } : {}),
    }),
  );
  const written = await recordChecks(app.history, records, app.logger);
  if (written < records.length)
    io.stderr.write(
      `claimdesk check: ${records.length - written} check(s) could not be recorded in the history\n`,
    );
}

export async function check(args: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    io.stderr.write(`claimdesk check: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const inputs = parsed.positionals;
  if (inputs.length === 0) {
    io.stderr.write(`claimdesk check: give at least one URL, file or -\n${USAGE}`);
    return 2;
  }
  if (inputs.filter((i) => i === '-').length > 1) {
    io.stderr.write('claimdesk check: standard input (-) can be given only once\n');
    return 2;
  }
  const offline = parsed.values.offline === true;
  const record = parsed.values.record === true;
  // The history lives in the shared store: with --record, the configured one (or the default file).
  const env = record ? { ...io.env, STORE_URL: io.env.STORE_URL ?? DEFAULT_STORE_URL } : io.env;
  const app = await cliApp({ ...io, env }, { offline });
  if (typeof app === 'number') return app;
  try {
    const details: CheckDetails[] = [];
    for (const input of inputs) details.push(await checkOne(app.service, input, io, offline));
    if (record) await recordCli(app, details, io);
    if (parsed.values.json) {
      const out: CheckOutput = {
        catalogue: { version: app.catalogue.version, entries: app.catalogue.entries.length },
        results: details.map((d) => d.result),
      };
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const d of details) {
        const reply = composeReply([d], {
          catalogue: app.catalogue,
          alertThreshold: app.config.alertThreshold,
          skipped: 0,
        });
        io.stdout.write(`== ${d.result.input}\n${renderText(reply)}\n\n`);
      }
    }
    return details.some((d) => d.result.status === 'error') ? 1 : 0;
  } finally {
    await app.close();
  }
}
