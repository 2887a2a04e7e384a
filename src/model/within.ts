/**
 * One deadline for a promise, on AbortSignal.timeout (its timer never keeps the process alive):
 * the promise's own result, or a TimeoutError naming what took too long. Used wherever a call to a
 * dependency (the store, the queue's database, Discord's gateway) must not hold anything up.
 */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  return new Promise<T>((resolve, reject) => {
    const onTimeout = () => reject(new TimeoutError(`${what} took longer than ${ms} ms`));
    signal.addEventListener('abort', onTimeout, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onTimeout);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onTimeout);
        reject(err);
      },
    );
  });
}
