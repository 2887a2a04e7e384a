import { describe, expect, it } from 'vitest';
import { createAdmission } from '../../src/analysis/admission.js';

describe('admission control', () => {
  it('admits up to its capacity, then refuses those who may be refused', () => {
    const a = createAdmission(2);
    const r1 = a.tryEnter();
    const r2 = a.tryEnter();
    expect(r1).not.toBeNull();
    expect(r2).not.toBeNull();
    expect(a.full()).toBe(true);
    expect(a.tryEnter()).toBeNull();
    r1?.();
    expect(a.full()).toBe(false);
    expect(a.tryEnter()).not.toBeNull();
  });

  it('lets waiting callers in one by one, in order, and counts a release once', async () => {
    const a = createAdmission(1);
    const first = await a.enter();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      a.enter().then((release) => {
        order.push(n);
        return release;
      }),
    );
    expect(a.stats()).toEqual({ active: 1, waiting: 3, capacity: 1 });
    // A caller that may be refused does not jump the queue.
    expect(a.tryEnter()).toBeNull();
    first();
    first(); // a second release of the same place frees nothing more
    const r1 = await waiters[0];
    expect(a.stats()).toEqual({ active: 1, waiting: 2, capacity: 1 });
    r1?.();
    (await waiters[1])?.();
    (await waiters[2])?.();
    expect(order).toEqual([1, 2, 3]);
    expect(a.stats()).toEqual({ active: 0, waiting: 0, capacity: 1 });
  });

  it('suggests a Retry-After from recent check times, between 1 and 120 seconds', () => {
    let t = 0;
    const a = createAdmission(1, () => t);
    for (let i = 0; i < 30; i++) {
      const r = a.tryEnter();
      t += 8_000;
      r?.();
    }
    const hold = a.tryEnter();
    expect(a.retryAfterSeconds()).toBeGreaterThanOrEqual(7);
    expect(a.retryAfterSeconds()).toBeLessThanOrEqual(120);
    hold?.();
  });
});
