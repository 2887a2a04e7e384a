/** The real app and HTTP server on 127.0.0.1 and a free port, for API tests; close() stops both. */
import type { Server } from 'node:http';
import { createHttpApp, finishHttpApp } from '../../src/adapters/http/server.js';
import { type App, buildApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { readConfig } from '../../src/model/config.js';

export interface RunningApp {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  base: string;
  app: App;
  close(): Promise<void>;
}

export async function startHttpApp(env: Record<string, string>): Promise<RunningApp> {
  const app = await buildApp(
    readConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent', ...env }),
    silentLogger,
  );
  const http = createHttpApp(app);
  finishHttpApp(http, app);
  const server: Server = await new Promise((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const addr = server.address();
  return {
    base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    app,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.close();
    },
  };
}
