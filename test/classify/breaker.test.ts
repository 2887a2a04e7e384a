import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/classify/breaker.js';
import { FakeClock } from './setup.js';

function make() {
  const clock = new FakeClock();
  return { clock, breaker: new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000 }, clock) };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures; a success in between resets the count', () => {
    const { breaker } = make();
    breaker.record('failure');
    breaker.record('failure');
    breaker.record('success');
    breaker.record('failure');
    breaker.record('failure');
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    breaker.record('failure');
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.retryInMs()).toBe(10_000);
  });

  it('half-opens after the cool-down for exactly one trial; success closes it', () => {
    const { breaker, clock } = make();
    for (let i = 0; i < 3; i++) breaker.record('failure');
    clock.advance(9_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(false); // one trial at a time
    breaker.record('success');
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('re-opens for a full cool-down when the trial fails', () => {
    const { breaker, clock } = make();
    for (let i = 0; i < 3; i++) breaker.record('failure');
    clock.advance(10_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.record('failure');
    expect(breaker.state).toBe('open');
    expect(breaker.retryInMs()).toBe(10_000);
    clock.advance(5_000);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('lets another trial through after a neutral outcome (a cancelled or refused trial)', () => {
    const { breaker, clock } = make();
    for (let i = 0; i < 3; i++) breaker.record('failure');
    clock.advance(10_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.record('neutral');
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
  });
});
