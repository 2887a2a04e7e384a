/**
 * `claimdesk digest [--days N] [--team ID] [--json]`: what the bots saw in the last N days (7),
 * from the check history in STORE_URL (the default file when unset): totals, the entries that came
 * up (by alerts, then checks) with their links, and the feedback votes of the window. `--json`
 * prints the digest's JSON shape (the same as GET /api/digest).
 */
import { parseArgs } from 'node:util';
import { parseDigestDays } from '../../pipeline/digest-service.js';
import { renderDigestText } from '../../pipeline/render-digest.js';
import type { CliIO } from './io.js';
import { cliApp, DEFAULT_STORE_URL } from './setup.js';

const USAGE = 'Usage: claimdesk digest [--days N] [--team ID] [--json]\n';
const OPTIONS = {
  days: { type: 'string' },
  team: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function digestReport(args: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: false }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: false });
  } catch (err) {
    io.stderr.write(`claimdesk digest: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const days = parseDigestDays(parsed.values.days ?? null);
  if ('error' in days) {
    io.stderr.write(`claimdesk digest: ${days.error}\n${USAGE}`);
    return 2;
  }
  const team = parsed.values.team?.trim();
  if (parsed.values.team !== undefined && !team) {
    io.stderr.write(`claimdesk digest: --team needs a workspace or guild id\n${USAGE}`);
    return 2;
  }
  const env = { ...io.env, STORE_URL: io.env.STORE_URL ?? DEFAULT_STORE_URL };
  const app = await cliApp({ ...io, env }, { offline: true });
  if (typeof app === 'number') return app;
  try {
    const digest = await app.digest({
      days: days.days,
      ...(team ? { teamId: team } : {}),
      now: io.now?.() ?? new Date(),
    });
    io.stdout.write(
      parsed.values.json ? `${JSON.stringify(digest, null, 2)}\n` : `${renderDigestText(digest)}\n`,
    );
    return 0;
  } catch (err) {
    io.stderr.write(
      `claimdesk digest: could not read the history: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  } finally {
    await app.close();
  }
}
