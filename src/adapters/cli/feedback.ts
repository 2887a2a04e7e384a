/** `claimdesk feedback [--json]`: what journalists said about alerts, for catalogue admins. */
import { parseArgs } from 'node:util';
import type { CliIO } from './io.js';
import { cliApp, DEFAULT_STORE_URL } from './setup.js';

export async function feedbackReport(args: string[], io: CliIO): Promise<number> {
  let json = false;
  try {
    json = parseArgs({ args, options: { json: { type: 'boolean' } } }).values.json === true;
  } catch (err) {
    io.stderr.write(`claimdesk feedback: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  // Feedback lives in the shared store: read the configured one, not a fresh in-memory cache.
  const env = { ...io.env, STORE_URL: io.env.STORE_URL ?? DEFAULT_STORE_URL };
  const app = await cliApp({ ...io, env }, { offline: true });
  if (typeof app === 'number') return app;
  try {
    const summary = await app.feedback.summary();
    if (json) {
      io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(`Helpful: ${summary.total.helpful}  Wrong match: ${summary.total.wrong}\n`);
    const rows = Object.entries(summary.byEntry).sort((a, b) => b[1].wrong - a[1].wrong);
    for (const [id, c] of rows) io.stdout.write(`  ${id}: helpful ${c.helpful}, wrong ${c.wrong}\n`);
    return 0;
  } finally {
    await app.close();
  }
}
