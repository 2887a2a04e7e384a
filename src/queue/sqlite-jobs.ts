/**
 * JobStore in the SQLite file of the store (`STORE_URL=sqlite://path`), table `jobs`. Every state
 * change is one statement, so two processes on the same file never take the same job.
 */
import type { JobStore, StoredJob } from './job-store.js';
import { type Params, SqliteDb } from './sqlite-db.js';
import type { FailedJob, JobData, QueueCounts } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  run_at INTEGER NOT NULL,
  lease_until INTEGER,
  lease_owner TEXT,
  lease_token TEXT,
  error TEXT,
  finished_at INTEGER
);
CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, run_at);
`;

/** The row is still ours: running under the token we were given. */
const MINE = `id = $id AND lease_token = $token AND state = 'running'`;

interface Row {
  id: number;
  key: string;
  data: string;
  attempts: number;
  error: string | null;
  finished_at: number | null;
  lease_owner: string | null;
}

export class SqliteJobStore implements JobStore {
  private constructor(private readonly db: SqliteDb) {}

  static async open(file: string): Promise<SqliteJobStore> {
    const db = await SqliteDb.open(file);
    await db.exec(SCHEMA);
    return new SqliteJobStore(db);
  }

  async insert(job: JobData, now: number, dedupeCutoff: number): Promise<boolean> {
    const changes = await this.db.run(
      `INSERT INTO jobs (key, data, state, attempts, run_at) VALUES ($key, $data, 'pending', 0, $now)
       ON CONFLICT (key) DO UPDATE SET data = excluded.data, state = 'pending', attempts = 0,
         run_at = excluded.run_at, lease_until = NULL, lease_owner = NULL, lease_token = NULL,
         error = NULL, finished_at = NULL
       WHERE jobs.state = 'done' AND jobs.finished_at < $cutoff`,
      { $key: job.key, $data: JSON.stringify(job), $now: now, $cutoff: dedupeCutoff },
    );
    return changes === 1;
  }

  async take(now: number, leaseUntil: number, owner: string, token: string): Promise<StoredJob | null> {
    const rows = await this.db.all<Row>(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = $lease,
         lease_owner = $owner, lease_token = $token
       WHERE id = (SELECT id FROM jobs
                   WHERE (state = 'pending' AND run_at <= $now) OR (state = 'running' AND lease_until < $now)
                   ORDER BY run_at, id LIMIT 1)
       RETURNING id, data, attempts`,
      { $now: now, $lease: leaseUntil, $owner: owner, $token: token },
    );
    const row = rows[0];
    if (!row) return null;
    return { id: String(row.id), data: JSON.parse(row.data) as JobData, attempts: row.attempts, token };
  }

  private async mine(sql: string, id: string, token: string, extra: Params = {}): Promise<number> {
    return this.db.run(`UPDATE jobs SET ${sql} WHERE ${MINE}`, { $id: Number(id), $token: token, ...extra });
  }

  async renew(id: string, token: string, leaseUntil: number): Promise<boolean> {
    return (await this.mine('lease_until = $lease', id, token, { $lease: leaseUntil })) === 1;
  }

  async complete(id: string, token: string, now: number): Promise<void> {
    await this.mine(`state = 'done', finished_at = $now, lease_token = NULL`, id, token, { $now: now });
  }

  async later(id: string, token: string, runAt: number, error: string): Promise<void> {
    await this.mine(`state = 'pending', run_at = $runAt, error = $error, lease_token = NULL`, id, token, {
      $runAt: runAt,
      $error: error,
    });
  }

  async fail(id: string, token: string, error: string, now: number): Promise<void> {
    await this.mine(`state = 'failed', error = $error, finished_at = $now, lease_token = NULL`, id, token, {
      $error: error,
      $now: now,
    });
  }

  async release(id: string, token: string, now: number): Promise<void> {
    await this.mine(
      `state = 'pending', run_at = $now, attempts = attempts - 1, lease_token = NULL`,
      id,
      token,
      { $now: now },
    );
  }

  async reclaim(isGone: (owner: string) => boolean): Promise<number> {
    const owners = await this.db.all<Pick<Row, 'lease_owner'>>(
      `SELECT DISTINCT lease_owner FROM jobs WHERE state = 'running' AND lease_owner IS NOT NULL`,
    );
    let n = 0;
    for (const { lease_owner: owner } of owners) {
      if (owner && isGone(owner)) {
        n += await this.db.run(
          `UPDATE jobs SET lease_until = 0 WHERE state = 'running' AND lease_owner = $owner`,
          { $owner: owner },
        );
      }
    }
    return n;
  }

  async purge(doneBefore: number, failedBefore: number): Promise<void> {
    await this.db.run(
      `DELETE FROM jobs WHERE (state = 'done' AND finished_at < $done) OR (state = 'failed' AND finished_at < $failed)`,
      { $done: doneBefore, $failed: failedBefore },
    );
  }

  async failed(limit: number): Promise<FailedJob[]> {
    const rows = await this.db.all<Row>(
      `SELECT id, data, attempts, error, finished_at FROM jobs WHERE state = 'failed'
       ORDER BY finished_at DESC, id DESC LIMIT $limit`,
      { $limit: limit },
    );
    return rows.map((r) => {
      const data = JSON.parse(r.data) as JobData;
      return {
        id: String(r.id),
        key: data.key,
        platform: data.platform,
        kind: data.kind,
        attempts: r.attempts,
        error: r.error ?? '',
        failedAt: new Date(r.finished_at ?? 0).toISOString(),
      };
    });
  }

  async retry(idOrKey: string, now: number): Promise<boolean> {
    const byId = /^\d+$/.test(idOrKey);
    const changes = await this.db.run(
      `UPDATE jobs SET state = 'pending', attempts = 0, run_at = $now, error = NULL, finished_at = NULL
       WHERE ${byId ? 'id = $id' : 'key = $id'} AND state = 'failed'`,
      { $id: byId ? Number(idOrKey) : idOrKey, $now: now },
    );
    return changes === 1;
  }

  async counts(): Promise<QueueCounts> {
    const rows = await this.db.all<{ state: string; n: number }>(
      'SELECT state, COUNT(*) AS n FROM jobs GROUP BY state',
    );
    const n = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
    return { queued: n('pending'), active: n('running'), failed: n('failed') };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
