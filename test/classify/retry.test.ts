import { describe, expect, it } from 'vitest';
import { backoffMs, nextDelay, retryAfterMs, sleep } from '../../src/classify/retry.js';

const now = new Date(Date.UTC(2026, 10, 21, 12, 0, 0));
const policy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000 };

describe('retryAfterMs', () => {
  it('reads seconds, fractional seconds, an HTTP-date and retry-after-ms', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.25' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 21 Nov 2026 12:00:05 GMT' }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1_500);
  });

  it('gives 0 for a date in the past and null for nothing usable', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 21 Nov 2026 11:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': '-3' }), now)).toBeNull();
    expect(retryAfterMs(new Headers(), now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});

describe('nextDelay', () => {
  it('honours Retry-After within the cap, and gives up beyond it or when retries are spent', () => {
    expect(nextDelay(0, policy, new Headers({ 'retry-after': '20' }), now)).toBe(20_000);
    expect(nextDelay(0, policy, new Headers({ 'retry-after': '21' }), now)).toBeNull();
    expect(nextDelay(3, policy, new Headers({ 'retry-after': '1' }), now)).toBeNull();
  });

  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    expect(backoffMs(0, policy, () => 0)).toBe(250);
    expect(backoffMs(0, policy, () => 1)).toBe(500);
    expect(backoffMs(2, policy, () => 1)).toBe(2_000);
    expect(backoffMs(10, policy, () => 1)).toBe(20_000);
    expect(nextDelay(1, policy, undefined, now, () => 0.5)).toBe(750);
  });
});

describe('sleep', () => {
  it('ends early when the signal aborts', async () => {
    const ctl = new AbortController();
    const p = sleep(60_000, ctl.signal);
    ctl.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
    await expect(sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
