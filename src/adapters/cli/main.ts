/** The `claimdesk` command line: dispatches to one module per command. */
import { discordRegisterCommands } from '../discord/register-commands.js';
import { check } from './check.js';
import { claimsAudit } from './claims-audit.js';
import { claimsExport } from './claims-export.js';
import { claimsLint } from './claims-lint.js';
import { claimsSuggest } from './claims-suggest.js';
import { feedbackReport } from './feedback.js';
import { digestReport } from './digest.js';
import type { CliCommand, CliIO } from './io.js';
import { jobsFailed, jobsRetry } from './jobs.js';
import { lookup } from './lookup.js';

export const USAGE = `Usage:
  claimdesk check [--json] [--offline] [--record] <url | file | ->...
                                                              check links, files (.html .htm .txt .md) or stdin text;
                                                              --record adds each check to the history (STORE_URL)
  claimdesk lookup [--json] <words...>                        search the catalogue (English, Russian, Kazakh)
  claimdesk claims lint [dir]                                 validate the catalogue (default: $CLAIMS_DIR or ./claims)
  claimdesk claims export --format claimreview [--dir dir]    the catalogue as schema.org ClaimReview JSON-LD
  claimdesk claims audit [--json] [dir]                       sources, denials, unsourced attributions, unverified strings, stale entries
  claimdesk claims suggest [--json]                           example blocks from "Missed a narrative?" reports and "Wrong match" votes
  claimdesk feedback [--json]                                 counts of "Helpful" / "Wrong match" clicks
  claimdesk digest [--days N] [--team ID] [--json]            what was checked in the last N days (7), by entry
  claimdesk discord register-commands [--guild ID]            register the /claimcheck slash command
  claimdesk jobs failed [--json] [--limit N]                  chat jobs that exhausted their tries (STORE_URL)
  claimdesk jobs retry ID                                     queue a failed job again
`;

const COMMANDS: Record<string, CliCommand> = {
  check,
  lookup,
  feedback: feedbackReport,
  digest: digestReport,
  'claims lint': claimsLint,
  'claims export': claimsExport,
  'claims audit': claimsAudit,
  'claims suggest': claimsSuggest,
  'discord register-commands': discordRegisterCommands,
  'jobs failed': jobsFailed,
  'jobs retry': jobsRetry,
};

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, second, ...rest] = argv;
  if (!first || first === 'help' || first === '--help' || first === '-h') {
    (first ? io.stdout : io.stderr).write(USAGE);
    return first ? 0 : 2;
  }
  const two = second ? COMMANDS[`${first} ${second}`] : undefined;
  if (two) return two(rest, io);
  const one = COMMANDS[first];
  if (one && !['claims', 'discord', 'jobs'].includes(first))
    return one(second === undefined ? rest : [second, ...rest], io);
  io.stderr.write(`claimdesk: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${USAGE}`);
  return 2;
}
