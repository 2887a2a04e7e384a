/**
 * Check history on Redis, shared by every replica: a hash `claimdesk:history:records` (id → the
 * record as JSON) and a sorted set `claimdesk:history:at` (id by time in ms). A record is added with
 * HSETNX and ZADD NX in one MULTI, so two replicas recording the same id keep exactly one (the
 * first EXEC wins both), and a crash never leaves half a record. Windows are read newest first
 * from the sorted set in pages; the team and entry filters apply to the records read.
 */
import { createClient } from '@keyv/redis';
import { redact } from '../model/config.js';
import type { CheckRecord, HistoryQuery, HistoryStore } from '../model/history.js';
import type { Logger } from '../model/ports.js';
import { within } from '../model/within.js';
import { parseRecord } from './history-record-schema.js';

const RECORDS = 'claimdesk:history:records';
const BY_TIME = 'claimdesk:history:at';
/** Ids read (and records fetched) per round trip. */
const PAGE = 500;
/** A write that takes longer is treated as failed (the caller logs it; the reply does not wait). */
const WRITE_MS = 2_000;
/** Reading a window (a digest of 90 days) may take longer. */
const READ_MS = 15_000;

type Client = ReturnType<typeof createClient>;

export class RedisHistory implements HistoryStore {
  private readonly client: Client;
  private connecting: Promise<unknown> | null = null;
  private lastWarn = 0;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    // No offline queue: while Redis is away, calls fail at once instead of piling up in memory.
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: WRITE_MS, reconnectStrategy: (n: number) => Math.min(100 * 2 ** n, 5_000) },
    });
    this.client.on('error', (err: unknown) => {
      const now = Date.now();
      if (now - this.lastWarn < 10_000) return;
      this.lastWarn = now;
      this.logger.warn({ err: String(err), store: redact(url) }, 'check history (Redis) error');
    });
  }

  private ready(): Promise<unknown> {
    this.connecting ??= this.client.connect().catch((err: unknown) => {
      this.connecting = null;
      throw err;
    });
    return this.connecting;
  }

  async record(rec: CheckRecord): Promise<void> {
    const at = Date.parse(rec.at);
    if (!Number.isFinite(at)) throw new TypeError(`a check record needs an ISO time, got "${rec.at}"`);
    await within(
      this.ready().then(() =>
        this.client
          .multi()
          .hSetNX(RECORDS, rec.id, JSON.stringify(rec))
          .zAdd(BY_TIME, { score: at, value: rec.id }, { condition: 'NX' })
          .exec(),
      ),
      WRITE_MS,
      'history record (Redis)',
    );
  }

  async list(q: HistoryQuery): Promise<CheckRecord[]> {
    return within(this.scan(q), READ_MS, 'history list (Redis)');
  }

  private async scan(q: HistoryQuery): Promise<CheckRecord[]> {
    await this.ready();
    const limit = q.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(q.limit));
    const out: CheckRecord[] = [];
    for (let offset = 0; out.length < limit; offset += PAGE) {
      // Newest first: REV takes the upper bound (exclusive) first.
      const ids = await this.client.zRange(BY_TIME, `(${q.to.getTime()}`, q.from.getTime(), {
        BY: 'SCORE',
        REV: true,
        LIMIT: { offset, count: PAGE },
      });
      if (ids.length === 0) break;
      const rows = await this.client.hmGet(RECORDS, ids);
      for (const row of rows) {
        const rec = parseRecord(row);
        if (!rec) continue;
        if (q.teamId !== undefined && rec.teamId !== q.teamId) continue;
        if (q.entryId !== undefined && !rec.entries.some((e) => e.id === q.entryId)) continue;
        out.push(rec);
        if (out.length >= limit) break;
      }
      if (ids.length < PAGE) break;
    }
    return out;
  }

  async prune(before: Date): Promise<number> {
    return within(this.pruneAll(before), READ_MS, 'history prune (Redis)');
  }

  private async pruneAll(before: Date): Promise<number> {
    await this.ready();
    let removed = 0;
    for (;;) {
      const ids = await this.client.zRange(BY_TIME, '-inf', `(${before.getTime()}`, {
        BY: 'SCORE',
        LIMIT: { offset: 0, count: PAGE },
      });
      if (ids.length === 0) return removed;
      const [, gone] = await this.client.multi().hDel(RECORDS, ids).zRem(BY_TIME, ids).exec();
      removed += Number(gone ?? 0);
      if (ids.length < PAGE) return removed;
    }
  }

  async close(): Promise<void> {
    if (this.client.isOpen) this.client.destroy();
  }
}
