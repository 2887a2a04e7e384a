/** The digest for the HTTP surfaces (GET /api/digest and the desk): the app's one digest service. */
import type { App } from '../../app.js';
import type { Digest } from '../../model/digest.js';

export { digestWindow } from '../../pipeline/digest-service.js';

export interface DigestQuery {
  days: number;
  teamId?: string;
  now?: Date;
}

export function digestOf(app: App, q: DigestQuery): Promise<Digest> {
  return app.digest({
    days: q.days,
    ...(q.teamId !== undefined ? { teamId: q.teamId } : {}),
    ...(q.now ? { now: q.now } : {}),
  });
}
