/**
 * The check made before every hop (the first request and each redirect): scheme, port, name, DNS
 * resolution and every resolved address. Its result is the one address the connection will use
 * (see pinned-agent.ts), so DNS cannot answer differently between the check and the connection.
 *
 * Order: the allowlist (exact host:port) first; then the address (IP literal, or every DNS answer);
 * then the port. Ports: public hosts are read only on 80 and 443. News sites and Telegram serve pages there; other
 * ports on public hosts are mostly admin panels, dev servers and non-HTTP services, and fetching them
 * on a stranger's request would make the bot a port scanner. An intranet or a rare site on another
 * port can be allowed exactly with FETCH_ALLOW_HOSTS.
 */
import { lookup } from 'node:dns/promises';
import { judgeAddress, ipLiteral, isLocalName } from './address-policy.js';
import { fail } from './fetch-errors.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface HopTarget {
  /** The URL to request (userinfo removed). */
  url: URL;
  /** host:port as compared with FETCH_ALLOW_HOSTS (IPv6 in brackets, no trailing dot). */
  hostPort: string;
  /** The address that was checked and that the connection must use. */
  address: string;
  family: 4 | 6;
  /** The name's other answers, all checked too: tried in turn if the first cannot be reached. */
  fallbacks: ResolvedAddress[];
  allowlisted: boolean;
}

const STANDARD_PORTS = new Set([80, 443]);

export const systemResolver: Resolver = async (host) => {
  const answers = await lookup(host, { all: true, verbatim: true });
  return answers.flatMap((a) =>
    a.family === 4 || a.family === 6 ? [{ address: a.address, family: a.family }] : [],
  );
};

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

function dnsCode(err: unknown): string | null {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string')
    return err.code;
  return null;
}

async function resolveName(host: string, resolve: Resolver): Promise<ResolvedAddress[]> {
  let answers: ResolvedAddress[];
  try {
    answers = await resolve(host);
  } catch (err) {
    const code = dnsCode(err);
    if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME') throw fail.dnsNotFound();
    throw fail.dnsFailed();
  }
  if (answers.length === 0) throw fail.dnsNotFound();
  return answers;
}

/**
 * Checks one hop. Throws FetchError blocked_address (or invalid_input / not_found) when the hop must
 * not be made; otherwise returns the pinned address.
 */
export async function checkHop(
  input: URL,
  allowHosts: ReadonlySet<string>,
  resolve: Resolver,
  redirected: boolean,
): Promise<HopTarget> {
  if (input.protocol !== 'http:' && input.protocol !== 'https:') {
    throw redirected ? fail.blockedScheme() : fail.invalidUrl();
  }
  const url = new URL(input.href);
  url.username = '';
  url.password = '';
  url.hash = '';
  const hostname = url.hostname.toLowerCase().replace(/\.+$/, '');
  if (hostname === '' || hostname === '[]') throw fail.invalidUrl();
  const port = effectivePort(url);
  const hostPort = `${hostname}:${port}`;
  const allowlisted = allowHosts.has(hostPort);
  const literal = ipLiteral(hostname);

  if (allowlisted) {
    const [target, ...rest] = literal ? [literal] : await resolveName(hostname, resolve);
    if (target === undefined) throw fail.dnsNotFound();
    return { url, hostPort, address: target.address, family: target.family, fallbacks: rest, allowlisted };
  }
  let pinned: ResolvedAddress[];
  if (literal) {
    if (!judgeAddress(literal.address).ok) throw fail.blocked(redirected);
    pinned = [literal];
  } else {
    if (isLocalName(hostname)) throw fail.blocked(redirected);
    pinned = await resolveName(hostname, resolve);
    // One private answer is enough to refuse: a public site has no reason to publish one.
    for (const a of pinned) if (!judgeAddress(a.address).ok) throw fail.blocked(redirected);
  }
  const [first, ...rest] = pinned;
  if (first === undefined) throw fail.dnsNotFound();
  // Checked after the address, so a private address is always reported as such, whatever its port.
  if (!STANDARD_PORTS.has(port)) throw fail.blockedPort(port, redirected);
  return { url, hostPort, address: first.address, family: first.family, fallbacks: rest, allowlisted };
}
