/**
 * Whether a Slack user administers the workspace: users.info (scope users:read) says is_admin,
 * is_owner or is_primary_owner. A failed lookup counts as "no": settings stay as they are.
 */
import { z } from 'zod';
import type { Logger } from '../../model/ports.js';
import type { WebClient } from './post.js';

const info = z.object({
  user: z.object({
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
  }),
});

export async function isWorkspaceAdmin(client: WebClient, userId: string, logger: Logger): Promise<boolean> {
  try {
    const u = info.parse(await client.users.info({ user: userId })).user;
    return u.is_admin === true || u.is_owner === true || u.is_primary_owner === true;
  } catch (err) {
    logger.warn(
      { userId, err: err instanceof Error ? err.message : String(err) },
      'slack: users.info failed; treating the user as not an admin',
    );
    return false;
  }
}
