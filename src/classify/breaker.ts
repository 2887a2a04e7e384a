/**
 * A small circuit breaker driven by the injected Clock (no timers): after `failureThreshold`
 * consecutive failed classifications it opens and every call fails at once, without reaching the
 * API; after `cooldownMs` it lets one trial call through (half-open): success closes it, failure
 * opens it again for another cool-down.
 *
 * Why not opossum (weighed, not used): it wraps one function with its own timeout, counts an error
 * percentage over a rolling window kept by a setInterval, and moves to half-open on a setTimeout,
 * so its state cannot follow an injected clock, and "n failures in a row" needs tuning of window,
 * volume and percentage. Our retries already turn a storm into one failure; what we need is this.
 */
import type { Clock } from '../model/ports.js';

export type BreakerState = 'closed' | 'open' | 'half-open';
/** neutral: the call ended without telling us whether the service works (cancelled, refused content). */
export type Outcome = 'success' | 'failure' | 'neutral';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 3, cooldownMs: 60_000 };

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: BreakerState = 'closed';
  private trialInFlight = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly clock: Clock,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /** True when a call may go ahead; the caller must then report its outcome with `record`. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.clock.now().getTime() - this.openedAt < this.options.cooldownMs) return false;
      this.current = 'half-open';
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Milliseconds until a trial call will be let through (0 when not open). */
  retryInMs(): number {
    if (this.current !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.clock.now().getTime());
  }

  record(outcome: Outcome): void {
    const trial = this.current === 'half-open';
    if (trial) this.trialInFlight = false;
    if (outcome === 'success') {
      this.failures = 0;
      this.current = 'closed';
    } else if (outcome === 'failure') {
      this.failures++;
      if (trial || this.failures >= this.options.failureThreshold) this.open();
    }
  }

  private open(): void {
    this.current = 'open';
    this.openedAt = this.clock.now().getTime();
    this.trialInFlight = false;
  }
}
