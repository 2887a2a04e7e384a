/** Shared set-up for CLI commands that need the full pipeline. */
import { type App, buildApp } from '../../app.js';
import { readConfig } from '../../model/config.js';
import { CatalogueError, ConfigError } from '../../model/errors.js';
import { createLogger } from '../../logger.js';
import type { CliIO } from './io.js';

/** The store of a server started with no STORE_URL: commands that read what it kept default to it. */
export const DEFAULT_STORE_URL = 'sqlite://data/claimdesk.sqlite';

/**
 * Builds the app for a CLI run: logs only when LOG_LEVEL is set, and keeps the cache in memory
 * unless STORE_URL is set. Returns an exit code instead when the set-up itself fails.
 */
export async function cliApp(io: CliIO, opts: { offline?: boolean } = {}): Promise<App | number> {
  try {
    const env = { ...io.env };
    env.STORE_URL ??= 'memory://';
    env.LOG_LEVEL ??= 'silent';
    if (opts.offline) env.LLM_ENABLED = 'false';
    const config = readConfig(env);
    return await buildApp(config, createLogger(config.logLevel, env), { oneShot: true });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CatalogueError) {
      for (const i of err.issues) io.stderr.write(`${i.file}:${i.line}:${i.col}: ${i.message}\n`);
      io.stderr.write(`claimdesk: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
