/** A promise face over one sqlite3 connection, enough for the job table. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';

export type Params = Record<string, string | number | null>;

export class SqliteDb {
  private constructor(private readonly db: sqlite3.Database) {}

  /**
   * Opens (and creates) the file. WAL lets readers go on while one process writes; a busy file is
   * waited on for up to busyMs before a statement fails.
   */
  static async open(file: string, busyMs = 5_000): Promise<SqliteDb> {
    if (file && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
    });
    db.configure('busyTimeout', busyMs);
    const wrapped = new SqliteDb(db);
    // Switching to WAL answers SQLITE_BUSY at once (no busy wait) while another connection, such as
    // the store's, is setting the file up: try again for up to busyMs.
    for (let waited = 0; ; waited += 50) {
      try {
        await wrapped.all('PRAGMA journal_mode = WAL');
        return wrapped;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || waited >= busyMs) {
          await wrapped.close().catch(() => undefined);
          throw err;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  run(sql: string, params: Params = {}): Promise<number> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve(this.changes);
      }),
    );
  }

  all<T>(sql: string, params: Params = {}): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
