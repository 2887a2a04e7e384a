/**
 * Who holds a job's lease: `host/pid/instance`. A restart on the same machine can then tell a dead
 * owner (kill -9, OOM) from a live one and take its jobs at once instead of waiting out the lease.
 * Another host is never judged (its jobs wait for the lease). Two containers sharing one SQLite file
 * need distinct hostnames (Docker's default), since their pids are not comparable.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Queue instances of this process: a restarted container often gets the dead one's pid (1). */
const mine = new Set<string>();

export function ownerId(): string {
  const id = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  mine.add(id);
  return id;
}

export function ownerGone(owner: string): boolean {
  const [host, pid] = owner.split('/');
  if (host !== hostname() || !pid) return false;
  if (Number(pid) === process.pid) return !mine.has(owner);
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
