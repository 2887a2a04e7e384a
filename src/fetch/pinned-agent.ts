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

/** A dns.lookup-compatible function that always answers `address`, whatever name it is asked for. */
export function pinnedLookup(address: string, family: 4 | 6) {
  return (
    _hostname: string,
    options: LookupOptions | number | LookupCallback,
    callback?: LookupCallback,
  ): void => {
    const cb = typeof options === 'function' ? options : callback;
    if (cb === undefined) return;
    const all = typeof options === 'object' && options !== null && options.all === true;
    if (all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  };
}

export interface PinnedAgentOptions {
  connectTimeoutMs: number;
  timeoutMs: number;
}

export function pinnedAgent(address: string, family: 4 | 6, opts: PinnedAgentOptions): Agent {
  return new Agent({
    connect: { timeout: opts.connectTimeoutMs, lookup: pinnedLookup(address, family) },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connections: 1,
    pipelining: 0,
  });
}
