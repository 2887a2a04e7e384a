/** JobStore in memory: the `memory://` queue and tests. Nothing survives the process. */
import type { JobStore, StoredJob } from './job-store.js';
import type { FailedJob, JobData, QueueCounts } from './types.js';

interface Row {
  id: string;
  data: JobData;
  state: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  runAt: number;
  leaseUntil: number;
  owner: string;
  token: string;
  error: string;
  finishedAt: number;
}

export class MemoryJobStore implements JobStore {
  private readonly rows = new Map<string, Row>();
  private seq = 0;

  async insert(data: JobData, now: number, dedupeCutoff: number): Promise<boolean> {
    const old = this.rows.get(data.key);
    if (old && !(old.state === 'done' && old.finishedAt < dedupeCutoff)) return false;
    this.seq += 1;
    this.rows.set(data.key, {
      id: String(this.seq),
      data,
      state: 'pending',
      attempts: 0,
      runAt: now,
      leaseUntil: 0,
      owner: '',
      token: '',
      error: '',
      finishedAt: 0,
    });
    return true;
  }

  async take(now: number, leaseUntil: number, owner: string, token: string): Promise<StoredJob | null> {
    let next: Row | undefined;
    for (const r of this.rows.values()) {
      const due = (r.state === 'pending' && r.runAt <= now) || (r.state === 'running' && r.leaseUntil < now);
      if (due && (!next || r.runAt < next.runAt)) next = r;
    }
    if (!next) return null;
    Object.assign(next, { state: 'running', leaseUntil, owner, token, attempts: next.attempts + 1 });
    return { id: next.id, data: next.data, attempts: next.attempts, token };
  }

  private mine(id: string, token: string): Row | undefined {
    for (const r of this.rows.values())
      if (r.id === id && r.token === token && r.state === 'running') return r;
    return undefined;
  }

  async renew(id: string, token: string, leaseUntil: number): Promise<boolean> {
    const r = this.mine(id, token);
    if (r) r.leaseUntil = leaseUntil;
    return r !== undefined;
  }

  async complete(id: string, token: string, now: number): Promise<void> {
    const r = this.mine(id, token);
    if (r) Object.assign(r, { state: 'done', finishedAt: now, token: '' });
  }

  async later(id: string, token: string, runAt: number, error: string): Promise<void> {
    const r = this.mine(id, token);
    if (r) Object.assign(r, { state: 'pending', runAt, error, token: '' });
  }

  async fail(id: string, token: string, error: string, now: number): Promise<void> {
    const r = this.mine(id, token);
    if (r) Object.assign(r, { state: 'failed', error, finishedAt: now, token: '' });
  }

  async release(id: string, token: string, now: number): Promise<void> {
    const r = this.mine(id, token);
    if (r) Object.assign(r, { state: 'pending', runAt: now, attempts: r.attempts - 1, token: '' });
  }

  async reclaim(isGone: (owner: string) => boolean): Promise<number> {
    let n = 0;
    for (const r of this.rows.values()) {
      if (r.state === 'running' && isGone(r.owner)) {
        r.leaseUntil = 0;
        n += 1;
      }
    }
    return n;
  }

  async purge(doneBefore: number, failedBefore: number): Promise<void> {
    for (const [key, r] of this.rows) {
      if (
        (r.state === 'done' && r.finishedAt < doneBefore) ||
        (r.state === 'failed' && r.finishedAt < failedBefore)
      ) {
        this.rows.delete(key);
      }
    }
  }

  async failed(limit: number): Promise<FailedJob[]> {
    return [...this.rows.values()]
      .filter((r) => r.state === 'failed')
      .sort((a, b) => b.finishedAt - a.finishedAt || Number(b.id) - Number(a.id))
      .slice(0, limit)
      .map((r) => ({
        id: r.id,
        key: r.data.key,
        platform: r.data.platform,
        kind: r.data.kind,
        attempts: r.attempts,
        error: r.error,
        failedAt: new Date(r.finishedAt).toISOString(),
      }));
  }

  async retry(idOrKey: string, now: number): Promise<boolean> {
    const r = [...this.rows.values()].find((x) => x.id === idOrKey || x.data.key === idOrKey);
    if (r?.state !== 'failed') return false;
    Object.assign(r, { state: 'pending', runAt: now, attempts: 0, error: '', finishedAt: 0 });
    return true;
  }

  async counts(): Promise<QueueCounts> {
    const c = { queued: 0, active: 0, failed: 0 };
    for (const r of this.rows.values()) {
      if (r.state === 'pending') c.queued += 1;
      else if (r.state === 'running') c.active += 1;
      else if (r.state === 'failed') c.failed += 1;
    }
    return c;
  }

  async close(): Promise<void> {}
}
