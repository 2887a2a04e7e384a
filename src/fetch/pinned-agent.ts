/**
 * An undici Agent whose connections go to one address that was already checked. The socket's DNS
 * lookup is replaced by a function that answers only that address, so no second lookup happens that
 * DNS rebinding could change; the URL's host name is kept for the Host header, TLS SNI and
 * certificate checks. (Node skips the lookup entirely when the URL host is an IP literal, and that
 * literal is the address that was checked.)
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent } from 'undici';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup-compatible function that always answers the checked addresses, whatever name it is
 * asked for: `address` first, then `fallbacks`, which Node's connection racing (autoSelectFamily)
 * tries in turn when the first cannot be reached (an IPv6 answer on an IPv4-only host, say).
 */
export function pinnedLookup(address: string, family: 4 | 6, fallbacks: ReadonlyArray<LookupAddress> = []) {
  const answers: LookupAddress[] = [
    { address, family },
    ...fallbacks.map((a) => ({ address: a.address, family: a.family })),
  ];
  return (
    _hostname: string,
    options: LookupOptions | number | LookupCallback,
    callback?: LookupCallback,
  ): void => {
    const cb = typeof options === 'function' ? options : callback;
    if (cb === undefined) return;
    const all = typeof options === 'object' && options !== null && options.all === true;
    if (all) cb(null, answers);
    else cb(null, address, family);
  };
}

export interface PinnedAgentOptions {
  connectTimeoutMs: number;
  timeoutMs: number;
}

export function pinnedAgent(
  address: string,
  family: 4 | 6,
  opts: PinnedAgentOptions,
  fallbacks: ReadonlyArray<LookupAddress> = [],
): Agent {
  return new Agent({
    connect: {
      timeout: opts.connectTimeoutMs,
      lookup: pinnedLookup(address, family, fallbacks),
      autoSelectFamily: fallbacks.length > 0,
    },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connections: 1,
    pipelining: 0,
  });
}
