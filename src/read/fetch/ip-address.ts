// IP addresses as bytes, and CIDR ranges over them: the arithmetic under the address checks.
// Parsed here rather than with net.BlockList so that an IPv4 address embedded in an IPv6 one
// (::ffff:127.0.0.1) can be taken out and judged as the IPv4 address it reaches.
import { isIPv4, isIPv6 } from 'node:net';

/** An IPv4 (4 bytes) or IPv6 (16 bytes) address. */
export type IpBytes = Uint8Array;

/** A CIDR range: the network's bytes and how many leading bits must match. */
export interface IpRange {
  bytes: IpBytes;
  prefix: number;
}

/** The bytes of an IPv4 or IPv6 address in its textual form ("10.0.0.5", "fe80::1", "::ffff:127.0.0.1"), or null when it is not one. A zone ("fe80::1%eth0") is ignored. */
export function parseIp(text: string): IpBytes | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(address)) return Uint8Array.from(address.split('.').map(Number));
  if (!isIPv6(address)) return null;
  let head = address;
  const tail: number[] = [];
  // A trailing dotted quad ("::ffff:1.2.3.4") stands for the last two groups.
  const quad = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (quad) {
    head = quad[1]!.endsWith('::') ? quad[1]! : quad[1]!.slice(0, -1);
    const v4 = quad[2]!.split('.').map(Number);
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
  }
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const before = groupsOf(left!);
  const after = [...(right === undefined ? [] : groupsOf(right)), ...tail];
  const missing = 8 - before.length - after.length;
  const groups = right === undefined ? [...before, ...after] : [...before, ...new Array<number>(missing).fill(0), ...after];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** An address in its usual textual form (IPv4 dotted, IPv6 as four-digit groups joined by colons, unabridged). */
export function formatIp(bytes: IpBytes): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

/** A CIDR range ("10.0.0.0/8", "fc00::/7"); a bare address is a range of one. Throws on a malformed range, naming it. */
export function parseRange(cidr: string): IpRange {
  const [address, bits] = cidr.trim().split('/');
  const bytes = parseIp(address ?? '');
  const prefix = bits === undefined ? (bytes?.length ?? 0) * 8 : Number(bits);
  if (bytes === null || !/^\d*$/.test(bits ?? '') || !Number.isInteger(prefix) || prefix < 0 || prefix > bytes.length * 8) {
    throw new Error(`not an IP address or CIDR range: ${cidr}`);
  }
  return { bytes, prefix };
}

/** True when the address lies in the range (an IPv4 address is never in an IPv6 range, nor the other way). */
export function inRange(address: IpBytes, range: IpRange): boolean {
  if (address.length !== range.bytes.length) return false;
  const whole = range.prefix >> 3;
  for (let i = 0; i < whole; i++) if (address[i] !== range.bytes[i]) return false;
  const rest = range.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (address[whole]! & mask) === (range.bytes[whole]! & mask);
}
