/**
 * Composition root: readConfig → build dependencies → start adapters.
 * With no tokens: the local HTTP API and page only. Slack and Discord join when their tokens are set.
 */
import type { Server } from 'node:http';
import { startDiscord } from './adapters/discord/index.js';
import { createHttpApp, finishHttpApp } from './adapters/http/server.js';
import { startSlack } from './adapters/slack/index.js';
import { buildApp } from './app.js';
import { readConfig, redact } from './model/config.js';
import { CatalogueError, ConfigError } from './model/errors.js';
import { createLogger } from './logger.js';

interface Stoppable {
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`claimdesk: configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp(config, logger);
  } catch (err) {
    if (err instanceof CatalogueError) {
      for (const i of err.issues) process.stderr.write(`${i.file}:${i.line}:${i.col}: ${i.message}\n`);
      process.stderr.write(`claimdesk: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const http = createHttpApp(app);
  const adapters: Stoppable[] = [];
  if (config.slack) {
    try {
      adapters.push(await startSlack({ ...app, http }));
      logger.info({ mode: config.slack.appToken ? 'socket' : 'http' }, 'Slack connected');
    } catch (err) {
      logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        'Slack could not start; going on without it',
      );
    }
  }
  if (config.discord) {
    try {
      adapters.push(await startDiscord(app));
      logger.info({}, 'Discord connected');
    } catch (err) {
      logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        'Discord could not start; going on without it',
      );
    }
  }
  finishHttpApp(http, app);
  // Workers take jobs only now that every adapter has said how it posts.
  app.jobs?.start();
  app.digests?.start();

  const server: Server = await new Promise((resolve, reject) => {
    const s = http.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  logger.info(
    {
      url: `http://${config.host}:${port}/`,
      catalogue: app.catalogue.version,
      entries: app.catalogue.entries.length,
      store: redact(config.storeUrl),
      llm: config.llm ? config.llm.model : 'off (lexical matching only)',
    },
    'claimdesk is listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down');
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 10_000);
    force.unref();
    // Jobs first: those in flight finish (they still post through the adapters), the rest go back
    // to the queue for another replica or the next start; then the adapters stop.
    await app.jobs?.stop(config.shutdownTimeoutMs);
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.error(
      { err: reason instanceof Error ? reason.stack : String(reason) },
      'unhandled rejection (kept running)',
    );
  });
}

await main();
