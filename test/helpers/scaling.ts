/**
 * How running time grows with input size, measured in one run as a ratio (never an absolute time):
 * time at 4N over time at N. Linear code gives about 4; quadratic about 16. The two sizes are timed
 * in turn, several times, and the fastest run of each counts: a pause elsewhere on a shared machine
 * only ever adds time, so the minimum is the measurement least disturbed by it.
 */
function timed(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

export function growth<T>(make: (n: number) => T, f: (input: T) => unknown, n: number, tries = 11): number {
  const small = make(n);
  const large = make(4 * n);
  // Warm up both paths (JIT and regular-expression tiers), then size the small case so that one
  // measurement lasts at least 10 ms, well above the timer's resolution.
  for (let i = 0; i < 3; i++) {
    f(small);
    f(large);
  }
  const once = Math.max(
    timed(() => f(small)),
    0.01,
  );
  const reps = Math.max(1, Math.ceil(10 / once));
  const loop = (x: T) => () => {
    for (let i = 0; i < reps; i++) f(x);
  };
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) {
    bestSmall = Math.min(bestSmall, timed(loop(small)));
    bestLarge = Math.min(bestLarge, timed(loop(large)));
  }
  return bestLarge / bestSmall;
}
