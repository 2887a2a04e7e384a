/**
 * Writes check records to the history without ever failing the caller: a history that does not
 * answer costs the digest a line, never a reply. Ids derived from a stable key (a durable job's)
 * make a re-run record nothing new.
 */
import { createHash } from 'node:crypto';
import type { CheckRecord, HistoryStore } from '../model/history.js';
import type { Logger } from '../model/ports.js';

/** A record id for one link of a keyed event: the same key and link give the same id. */
export function recordId(key: string, link: string): string {
  return `${key}#${createHash('sha256').update(link).digest('hex').slice(0, 16)}`;
}

export async function recordChecks(
  history: HistoryStore,
  records: readonly CheckRecord[],
  logger: Logger,
): Promise<number> {
  let written = 0;
  for (const rec of records) {
    try {
      await history.record(rec);
      written += 1;
    } catch (err) {
      logger.warn(
        { err: err instanceof Error ? err.message : String(err), record: rec.id },
        'could not record a check in the history; going on',
      );
    }
  }
  return written;
}
