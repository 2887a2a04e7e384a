/**
 * A check record as read back from a durable history store: parsed through a schema, never cast,
 * so a row written by an older or newer version (or damaged) is skipped instead of breaking a digest.
 */
import { z } from 'zod';
import type { CheckRecord } from '../model/history.js';
import { ERROR_CODES } from '../model/types.js';

const recordSchema = z.object({
  id: z.string(),
  at: z.string(),
  surface: z.enum(['slack', 'discord', 'api', 'page', 'cli']),
  teamId: z.string().nullable(),
  channelId: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  outcome: z.enum(['alert', 'note', 'silent', 'unreadable']),
  errorCode: z.enum(ERROR_CODES).nullable(),
  entries: z.array(
    z.object({
      id: z.string(),
      stance: z.enum(['promotes', 'reports', 'debunks', 'unclear']),
      confidence: z.number(),
    }),
  ),
  catalogueVersion: z.string(),
});

/** The record in `json`, or null when it is not one. */
export function parseRecord(json: string | null | undefined): CheckRecord | null {
  if (!json) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
