// Which addresses a fetch may connect to. A URL from a feed, a user or an API caller must not
// reach the machine itself, its network, or cloud metadata services (169.254.169.254): every
// address a host name resolves to is judged here, before connecting, on every redirect.
// Ranges from the IANA special-purpose registries (RFC 6890 and its updates).
import { formatIp, inRange, parseIp, parseRange, type IpBytes, type IpRange } from './ip-address.ts';

/**
 * Why an address is not public. `unspecified` and `multicast` are never a web server and are
 * refused whatever the configuration; the others may be allowed (tests, intranets).
 */
export type AddressClass = 'loopback' | 'private' | 'link-local' | 'shared' | 'reserved' | 'unspecified' | 'multicast';

const NEVER_ALLOWED: ReadonlySet<AddressClass> = new Set(['unspecified', 'multicast']);

// Order matters only where ranges nest: the first match names the class.
const SPECIAL_RANGES: [string, AddressClass][] = [
  ['0.0.0.0/8', 'unspecified'], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['127.0.0.0/8', 'loopback'],
  ['10.0.0.0/8', 'private'],
  ['172.16.0.0/12', 'private'],
  ['192.168.0.0/16', 'private'],
  ['100.64.0.0/10', 'shared'], // carrier-grade NAT (RFC 6598)
  ['169.254.0.0/16', 'link-local'], // also cloud metadata services
  ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
  ['192.0.2.0/24', 'reserved'], // documentation (TEST-NET-1..3)
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['198.18.0.0/15', 'reserved'], // benchmarking
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'multicast'], // limited broadcast: not a host either
  ['240.0.0.0/4', 'reserved'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'], // the rest of the deprecated IPv4-compatible block (::0.x.x.x)
  ['fc00::/7', 'private'], // unique local
  ['fec0::/10', 'private'], // site-local, deprecated but still routed by some stacks
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
  ['2001:db8::/32', 'reserved'], // documentation
  ['100::/64', 'reserved'], // discard-only
];
const SPECIAL: [IpRange, AddressClass][] = SPECIAL_RANGES.map(([cidr, label]) => [parseRange(cidr), label]);

// IPv6 ranges that carry an IPv4 address the packets end up at: the IPv4 address is judged instead.
const EMBEDDING: { range: IpRange; at: number; hostsOnly?: boolean }[] = [
  { range: parseRange('::ffff:0:0/96'), at: 12 }, // IPv4-mapped
  // IPv4-compatible (deprecated); "::" and "::1" lie in it too but are IPv6's own addresses, so
  // only ::1.0.0.0 and up are read as IPv4 (0.x.x.x is no host anyway).
  { range: parseRange('::/96'), at: 12, hostsOnly: true },
  { range: parseRange('64:ff9b::/96'), at: 12 }, // NAT64 (RFC 6052)
  { range: parseRange('64:ff9b:1::/48'), at: 12 }, // local-use NAT64 (RFC 8215)
  { range: parseRange('2002::/16'), at: 2 }, // 6to4
];

/** The IPv4 address an IPv6 address embeds and leads to (::ffff:10.0.0.5 → 10.0.0.5), or null. */
export function embeddedIpv4(address: IpBytes): IpBytes | null {
  if (address.length !== 16) return null;
  for (const { range, at, hostsOnly } of EMBEDDING) {
    if (inRange(address, range) && !(hostsOnly && address[at] === 0)) return address.slice(at, at + 4);
  }
  return null;
}

/** The class of a non-public address, or null for a public one (an IPv4-embedding IPv6 address is classed by its IPv4 address). */
export function classifyAddress(address: IpBytes): AddressClass | null {
  const target = embeddedIpv4(address) ?? address;
  for (const [range, label] of SPECIAL) if (inRange(target, range)) return label;
  return null;
}

/** What may be reached besides public addresses: everything non-public (`allowPrivate`), or the listed CIDR ranges. */
export interface AddressAllowance {
  allowPrivate?: boolean;
  /** CIDR ranges or single addresses ("10.20.0.0/16", "127.0.0.1") allowed even though not public. */
  allowNetworks?: readonly string[];
}

/** Parses the allowance's ranges once; throws naming a malformed one. */
export function allowedRanges(allowance: AddressAllowance): IpRange[] {
  return (allowance.allowNetworks ?? []).map(parseRange);
}

/**
 * Why connecting to `address` is refused ("private address 10.0.0.5"), or null when it may be
 * reached. `ranges`: the allowance's parsed `allowNetworks`. A text that is no IP address is refused.
 */
export function refusalOf(address: string, allowance: AddressAllowance, ranges: readonly IpRange[] = allowedRanges(allowance)): string | null {
  const bytes = parseIp(address);
  if (bytes === null) return `not an IP address: ${address}`;
  const label = classifyAddress(bytes);
  if (label === null) return null;
  const shown = bytes.length === 16 && embeddedIpv4(bytes) ? `${address} (IPv4 ${formatIp(embeddedIpv4(bytes)!)})` : address;
  if (NEVER_ALLOWED.has(label)) return `${label} address ${shown}`;
  if (allowance.allowPrivate) return null;
  const v4 = embeddedIpv4(bytes);
  if (ranges.some((r) => inRange(bytes, r) || (v4 !== null && inRange(v4, r)))) return null;
  return `${label} address ${shown}`;
}
