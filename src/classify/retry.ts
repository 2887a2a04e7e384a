/**
 * Retry timing. We retry ourselves (the openai client runs with maxRetries 0) because its own retries
 * sleep as long as any Retry-After asks, cannot be counted, and cannot be driven by an injected clock.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (Config llm.maxRetries). */
  maxRetries: number;
  /** First backoff step when the server gives no Retry-After. */
  baseDelayMs: number;
  /** The longest we wait before one retry; a server asking for more makes us give up instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxRetries'> = { baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * The wait a response asks for: `retry-after-ms` (OpenAI, Azure), else `retry-after` in seconds or as
 * an HTTP-date (relative to `now`). Null when there is no usable header.
 */
export function retryAfterMs(headers: Headers | undefined, now: Date): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const ra = headers.get('retry-after')?.trim();
  if (!ra) return null;
  if (/^\d+(\.\d+)?$/.test(ra)) return Math.ceil(Number(ra) * 1000);
  // An HTTP-date ("Sat, 21 Nov 2026 12:00:05 GMT"); Date.parse alone would accept "-3" as a year.
  if (!/^[a-z]{3},? /i.test(ra)) return null;
  const at = Date.parse(ra);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/** Exponential backoff with jitter: between half and all of base·2^attempt, capped. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * How long to wait before retry number `attempt` (0-based), or null to give up: when retries are
 * exhausted, or when the server asks for longer than we are willing to wait (waiting less than it
 * asked would not be honouring it).
 */
export function nextDelay(
  attempt: number,
  policy: RetryPolicy,
  headers: Headers | undefined,
  now: Date,
  random?: () => number,
): number | null {
  if (attempt >= policy.maxRetries) return null;
  const asked = retryAfterMs(headers, now);
  if (asked !== null) return asked > policy.maxDelayMs ? null : asked;
  return backoffMs(attempt, policy, random);
}

/** A sleep that ends early (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
