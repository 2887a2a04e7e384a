/**
 * Check history: one record per check from every surface, for the editors' digest and desk.
 * Only ids, the link and title, the outcome and the entries: no message text, no user names.
 * Records older than HISTORY_DAYS are deleted (HistoryStore.prune).
 */
import type { ErrorCode, Stance } from './types.js';

export type Surface = 'slack' | 'discord' | 'api' | 'page' | 'cli';
/** What the check led to: a public alert, a quiet note (or a private one), nothing, or an unreadable page. */
export type CheckOutcome = 'alert' | 'note' | 'silent' | 'unreadable';

export interface CheckRecord {
  /** Unique per check (e.g. a random UUID); recording the same id twice keeps one record. */
  id: string;
  /** ISO 8601 time of the check. */
  at: string;
  surface: Surface;
  /** Slack workspace / Discord guild id; null for the API, the page and the CLI. */
  teamId: string | null;
  channelId: string | null;
  /** The link as checked (final URL when known); null for pasted text. */
  url: string | null;
  title: string | null;
  outcome: CheckOutcome;
  /** Set when outcome is 'unreadable'. */
  errorCode: ErrorCode | null;
  entries: Array<{ id: string; stance: Stance; confidence: number }>;
  catalogueVersion: string;
}

export interface HistoryQuery {
  /** Inclusive lower bound. */
  from: Date;
  /** Exclusive upper bound. */
  to: Date;
  teamId?: string;
  /** Only records that name this entry. */
  entryId?: string;
  /** Newest first, at most this many (default: all). */
  limit?: number;
}

export interface HistoryStore {
  record(rec: CheckRecord): Promise<void>;
  /** Records in the window, newest first. */
  list(q: HistoryQuery): Promise<CheckRecord[]>;
  /** Deletes records older than `before`; how many went. */
  prune(before: Date): Promise<number>;
  /** Closes the connection of a durable store (SQLite, Redis). */
  close?(): Promise<void>;
}

/** The in-memory default (tests, and a process with no durable store). */
export class MemoryHistory implements HistoryStore {
  private readonly records = new Map<string, CheckRecord>();

  async record(rec: CheckRecord): Promise<void> {
    if (!Number.isFinite(Date.parse(rec.at)))
      throw new TypeError(`a check record needs an ISO time, got "${rec.at}"`);
    if (!this.records.has(rec.id)) this.records.set(rec.id, structuredClone(rec));
  }

  async list(q: HistoryQuery): Promise<CheckRecord[]> {
    const from = q.from.getTime();
    const to = q.to.getTime();
    const out = [...this.records.values()]
      .filter((r) => {
        const t = Date.parse(r.at);
        if (t < from || t >= to) return false;
        if (q.teamId !== undefined && r.teamId !== q.teamId) return false;
        if (q.entryId !== undefined && !r.entries.some((e) => e.id === q.entryId)) return false;
        return true;
      })
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    return (q.limit === undefined ? out : out.slice(0, q.limit)).map((r) => structuredClone(r));
  }

  async prune(before: Date): Promise<number> {
    let n = 0;
    for (const [id, r] of this.records) {
      if (Date.parse(r.at) < before.getTime()) {
        this.records.delete(id);
        n += 1;
      }
    }
    return n;
  }
}
