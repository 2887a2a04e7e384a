/**
 * The history of a chat message's checks: one record per link checked, with the workspace (guild)
 * and channel ids, and the outcome as the channel saw it: alert, note (a quiet note was posted for
 * it), silent, or unreadable. The id comes from the event's key (the durable job's, or the
 * once-marker's), so a job that runs again records nothing twice.
 */
import type { HistoryStore, Surface } from '../model/history.js';
import type { Clock, Logger } from '../model/ports.js';
import type { ChatMessage, CheckDetails } from '../model/types.js';
import { toCheckRecord } from '../pipeline/history-record.js';
import { recordChecks, recordId } from '../pipeline/record-checks.js';

export interface RecordDeps {
  history?: HistoryStore | undefined;
  logger: Logger;
  clock: Clock;
}

const SURFACE: Record<ChatMessage['platform'], Surface> = {
  slack: 'slack',
  discord: 'discord',
  http: 'api',
  cli: 'cli',
};

export async function recordMessageChecks(
  deps: RecordDeps,
  msg: ChatMessage,
  key: string,
  details: readonly CheckDetails[],
  /** The results the posted reply showed (empty when the bot stayed silent). */
  shown: readonly CheckDetails[],
  catalogueVersion: string,
): Promise<void> {
  if (!deps.history) return;
  const at = deps.clock.now();
  const records = details.map((d) =>
    toCheckRecord(d, {
      id: recordId(key, d.result.input),
      at,
      surface: SURFACE[msg.platform],
      teamId: msg.teamId,
      channelId: msg.channelId,
      catalogueVersion,
      ...(shown.includes(d) ? { outcome: 'note' as const } : {}),
    }),
  );
  await recordChecks(deps.history, records, deps.logger);
}
