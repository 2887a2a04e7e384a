/**
 * Which surface an HTTP check came from, and its record in the check history. The page's own
 * script sends `X-Claimdesk-Surface: page`; every other caller of /api/check and /api/preview is
 * the API. (A custom header cannot be sent cross-origin without a CORS preflight, which this server
 * never grants, so another site cannot label its requests; the label is for counting, not for trust.)
 */
import type { Request } from 'express';
import type { App } from '../../app.js';
import type { Surface } from '../../model/history.js';
import type { CheckDetails } from '../../model/types.js';
import { toCheckRecord } from '../../pipeline/history-record.js';
import { recordChecks } from '../../pipeline/record-checks.js';

export const SURFACE_HEADER = 'x-claimdesk-surface';

export function surfaceOf(req: Request): Extract<Surface, 'api' | 'page'> {
  return req.get(SURFACE_HEADER)?.trim().toLowerCase() === 'page' ? 'page' : 'api';
}

/** Records the check; a history that cannot be written is logged, and the check is still answered. */
export async function recordCheck(app: App, d: CheckDetails, surface: Surface): Promise<void> {
  const rec = toCheckRecord(d, {
    surface,
    catalogueVersion: app.catalogue.version,
    alertThreshold: app.config.alertThreshold,
  });
  await recordChecks(app.history, [rec], app.logger);
}
