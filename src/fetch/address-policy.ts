/**
 * Which IP addresses claimdesk may connect to: public unicast only. Built on ipaddr.js range():
 * everything that is not 'unicast' is refused (loopback, private, link-local, carrier-grade NAT,
 * multicast, reserved, unspecified, broadcast, unique-local, …). Addresses that embed an IPv4 address
 * are judged by what they embed (IPv4-mapped, NAT64); tunnelling and translation prefixes (6to4,
 * Teredo, SIIT, IPv4-compatible) are refused outright. Cloud metadata addresses are refused by name
 * even where they look public.
 */
import ipaddr from 'ipaddr.js';

export type AddressVerdict = { ok: true } | { ok: false; reason: string };

/** Metadata and host-agent endpoints of cloud providers. Most are non-unicast anyway; listed for clarity. */
const METADATA = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean
  '169.254.170.2', // AWS ECS task metadata
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer (a public address reachable only from inside Azure)
  '192.0.0.192', // Oracle Cloud (legacy)
  'fd00:ec2::254', // AWS IMDS over IPv6
]);

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse('2000::');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parse('64:ff9b::');

function judgeV4(addr: ipaddr.IPv4, label: string): AddressVerdict {
  const text = addr.toString();
  if (METADATA.has(text)) return { ok: false, reason: `${label} is a cloud metadata address` };
  const range = addr.range();
  if (range !== 'unicast') return { ok: false, reason: `${label} is in the ${range} range` };
  return { ok: true };
}

function embeddedV4(addr: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = addr.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12, 16));
}

function judgeV6(addr: ipaddr.IPv6): AddressVerdict {
  const text = addr.toNormalizedString();
  if (METADATA.has(addr.toString()) || METADATA.has(text)) {
    return { ok: false, reason: 'the address is a cloud metadata address' };
  }
  const range = addr.range();
  if (range === 'ipv4Mapped') return judgeV4(addr.toIPv4Address(), 'the embedded IPv4 address');
  if (range === 'rfc6052' && addr.match(NAT64_WELL_KNOWN, 96)) {
    return judgeV4(embeddedV4(addr), 'the IPv4 address inside the NAT64 address');
  }
  if (range !== 'unicast') return { ok: false, reason: `the address is in the IPv6 ${range} range` };
  // Outside 2000::/3 nothing is publicly routed (e.g. the deprecated IPv4-compatible ::a.b.c.d).
  if (!addr.match(GLOBAL_UNICAST_V6, 3))
    return { ok: false, reason: 'the address is not a global unicast address' };
  return { ok: true };
}

/** Judges one literal IP address (IPv4 dotted quad or IPv6, brackets and zone id tolerated). */
export function judgeAddress(raw: string): AddressVerdict {
  const literal = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (ipaddr.IPv4.isValidFourPartDecimal(literal)) return judgeV4(ipaddr.IPv4.parse(literal), 'the address');
  if (ipaddr.IPv6.isValid(literal)) return judgeV6(ipaddr.IPv6.parse(literal));
  return { ok: false, reason: 'not an IP address' };
}

/** An IP literal as it appears in a URL host (IPv4 as WHATWG canonicalizes it, IPv6 in brackets)? */
export function ipLiteral(hostname: string): { address: string; family: 4 | 6 } | null {
  if (hostname.startsWith('[') && hostname.endsWith(']')) {
    const inner = hostname.slice(1, -1);
    return ipaddr.IPv6.isValid(inner) ? { address: inner, family: 6 } : null;
  }
  return ipaddr.IPv4.isValidFourPartDecimal(hostname) ? { address: hostname, family: 4 } : null;
}

/** Names that always mean this machine (RFC 6761), whatever DNS says. */
export function isLocalName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.+$/, '');
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === 'localhost.localdomain' || h === 'ip6-localhost'
  );
}
