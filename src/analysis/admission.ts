/**
 * Admission control in front of analysis: at most `capacity` checks are admitted at once (fetching,
 * waiting for a worker or being analysed). Beyond it, callers that can be told to come back (the
 * HTTP API: 429 with Retry-After) are refused, and chat events wait their turn in FIFO order.
 */
export type Release = () => void;

export interface Admission {
  /** Admits now, or returns null when every place is taken. */
  tryEnter(): Release | null;
  /** Waits for a place (chat events: they must be answered, later rather than never). */
  enter(): Promise<Release>;
  /** True when a caller that may be refused would be. */
  full(): boolean;
  /** Seconds after which a refused caller may try again: an estimate from recent check times. */
  retryAfterSeconds(): number;
  stats(): { active: number; waiting: number; capacity: number };
}

export function createAdmission(capacity: number, now: () => number = Date.now): Admission {
  let active = 0;
  const waiting: Array<() => void> = [];
  /** Moving average of how long an admitted check holds its place (ms). */
  let avgMs = 1000;

  function admit(): Release {
    active++;
    const started = now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      avgMs = avgMs * 0.8 + (now() - started) * 0.2;
      active--;
      const next = waiting.shift();
      if (next) next();
    };
  }

  return {
    tryEnter: () => (active < capacity && waiting.length === 0 ? admit() : null),
    enter: () =>
      active < capacity && waiting.length === 0
        ? Promise.resolve(admit())
        : new Promise<Release>((resolve) => waiting.push(() => resolve(admit()))),
    full: () => active >= capacity || waiting.length > 0,
    retryAfterSeconds: () =>
      Math.min(120, Math.max(1, Math.ceil(((waiting.length + 1) * avgMs) / Math.max(1, capacity) / 1000))),
    stats: () => ({ active, waiting: waiting.length, capacity }),
  };
}
