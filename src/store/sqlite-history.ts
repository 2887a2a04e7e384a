/**
 * Check history in the SQLite file of the store and the queue (`STORE_URL=sqlite://path`), table
 * `check_history`: one row per check, keyed by its id (a second record with the same id is
 * ignored), with the time and the team as columns for the window and team filters, and the
 * record itself as JSON.
 */
import type { CheckRecord, HistoryQuery, HistoryStore } from '../model/history.js';
import { type Params, SqliteDb } from '../queue/sqlite-db.js';
import { parseRecord } from './history-record-schema.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS check_history (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  team_id TEXT,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS check_history_at ON check_history (at);
CREATE INDEX IF NOT EXISTS check_history_team_at ON check_history (team_id, at);
`;

export class SqliteHistory implements HistoryStore {
  private constructor(private readonly db: SqliteDb) {}

  static async open(file: string): Promise<SqliteHistory> {
    const db = await SqliteDb.open(file);
    try {
      await db.exec(SCHEMA);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    return new SqliteHistory(db);
  }

  async record(rec: CheckRecord): Promise<void> {
    const at = Date.parse(rec.at);
    if (!Number.isFinite(at)) throw new TypeError(`a check record needs an ISO time, got "${rec.at}"`);
    await this.db.run(
      `INSERT INTO check_history (id, at, team_id, record) VALUES ($id, $at, $team, $record)
       ON CONFLICT (id) DO NOTHING`,
      { $id: rec.id, $at: at, $team: rec.teamId, $record: JSON.stringify(rec) },
    );
  }

  async list(q: HistoryQuery): Promise<CheckRecord[]> {
    const where = ['at >= $from', 'at < $to'];
    const params: Params = { $from: q.from.getTime(), $to: q.to.getTime() };
    if (q.teamId !== undefined) {
      where.push('team_id = $team');
      params.$team = q.teamId;
    }
    if (q.entryId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM json_each(record, '$.entries') WHERE json_extract(value, '$.id') = $entry)`,
      );
      params.$entry = q.entryId;
    }
    let sql = `SELECT record FROM check_history WHERE ${where.join(' AND ')} ORDER BY at DESC, id`;
    if (q.limit !== undefined) {
      sql += ' LIMIT $limit';
      params.$limit = Math.max(0, Math.floor(q.limit));
    }
    const rows = await this.db.all<{ record: string }>(sql, params);
    return rows.flatMap((r) => parseRecord(r.record) ?? []);
  }

  async prune(before: Date): Promise<number> {
    return this.db.run('DELETE FROM check_history WHERE at < $before', { $before: before.getTime() });
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
