/**
 * Who may use the API and page (/healthz stays open for health checks; /slack/events is not
 * guarded here: Bolt checks Slack's signature on it).
 * - Without API_TOKEN (local mode), or when listening on loopback, only requests addressed to
 *   `localhost`, `127.0.0.1` or `[::1]` (any port, any case) are served: a web page elsewhere cannot
 *   reach the API through DNS rebinding (`127.attacker.example`, `localhost.evil`, `0x7f.1` … all fail).
 * - With API_TOKEN set, every /api route (and /metrics) requires `Authorization: Bearer <token>`;
 *   `?token=` only opens the desk's pages (GET / and GET /entries/<id>), whose script then sends the
 *   header to the API and carries `?token=` to the desk's own links. Tokens are compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../model/config.js';

const LOCAL_HOST_HEADER = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/** True only for a Host header that names this machine exactly. */
export function isLocalHostHeader(host: string | undefined): boolean {
  return host !== undefined && LOCAL_HOST_HEADER.test(host);
}

/** The address the server listens on (from HOST, not from a request) is a loopback one. */
function listensOnLoopback(host: string): boolean {
  return /^(?:localhost|::1|\[::1\]|127(?:\.\d{1,3}){3})$/i.test(host);
}

/** Equal strings, in time that depends on neither their contents nor their lengths. */
export function tokensEqual(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearer(req: Request): string | null {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return m?.[1] ?? null;
}

/** The desk's pages (`/` and `/entries/<id>`), which a browser opens by address: `?token=` opens them. */
function opensPage(req: Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.baseUrl === '' &&
    (req.path === '/' || /^\/entries\/[^/]+$/.test(req.path))
  );
}

export function guard(config: Pick<Config, 'host' | 'apiToken'>) {
  const checkHost = !config.apiToken || listensOnLoopback(config.host);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (checkHost && !isLocalHostHeader(req.headers.host)) {
      res.status(403).json({
        error: {
          code: 'forbidden',
          message: 'This local API only answers on localhost; set API_TOKEN to serve it under another name.',
        },
      });
      return;
    }
    if (config.apiToken) {
      const query = opensPage(req) && typeof req.query.token === 'string' ? req.query.token : null;
      const given = bearer(req) ?? query ?? '';
      if (!tokensEqual(given, config.apiToken)) {
        res.status(401).json({
          error: { code: 'unauthorized', message: 'Send the API token as "Authorization: Bearer …".' },
        });
        return;
      }
    }
    next();
  };
}
