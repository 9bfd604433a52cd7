// The address checks on a table of IPv4 and IPv6 addresses, public and not, and the allowances.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress, embeddedIpv4, refusalOf } from './address-policy.ts';
import { formatIp, inRange, parseIp, parseRange } from './ip-address.ts';

const TABLE: [string, string | null][] = [
  // IPv4
  ['8.8.8.8', null],
  ['93.184.216.34', null],
  ['1.1.1.1', null],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.5', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.1', null], // just past 172.16/12
  ['172.15.255.255', null],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'], // cloud metadata
  ['100.64.0.1', 'shared'],
  ['100.127.255.255', 'shared'],
  ['100.128.0.1', null], // just past 100.64/10
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.2.10', 'reserved'],
  ['198.18.0.1', 'reserved'],
  // IPv6
  ['2606:4700:4700::1111', null],
  ['2001:4860:4860::8888', null],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf::1', 'link-local'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  // IPv6 forms that lead to an IPv4 address
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.0.0.5', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::ffff:8.8.8.8', null],
  ['::127.0.0.1', 'loopback'], // IPv4-compatible
  ['64:ff9b::a00:5', 'private'], // NAT64 of 10.0.0.5
  ['64:ff9b::808:808', null], // NAT64 of 8.8.8.8
  ['2002:a00:5::1', 'private'], // 6to4 of 10.0.0.5
  ['2002:808:808::1', null],
];

test('addresses are classed by the special-purpose range they lie in; public ones are not classed', () => {
  for (const [address, expected] of TABLE) {
    const bytes = parseIp(address);
    assert.ok(bytes, `${address} parses`);
    assert.equal(classifyAddress(bytes), expected, address);
  }
});

test('by default every non-public address is refused with its class named, public ones pass', () => {
  for (const [address, expected] of TABLE) {
    const refusal = refusalOf(address, {});
    if (expected === null) assert.equal(refusal, null, address);
    else assert.match(refusal ?? '', new RegExp(`^${expected} address ${address.replace(/[.]/g, '\\.')}`), address);
  }
  assert.equal(refusalOf('::ffff:10.0.0.5', {}), 'private address ::ffff:10.0.0.5 (IPv4 10.0.0.5)');
  assert.equal(refusalOf('example.com', {}), 'not an IP address: example.com');
});

test('allowPrivate allows loopback, private, link-local, shared and reserved addresses, never unspecified or multicast', () => {
  for (const [address, expected] of TABLE) {
    const refusal = refusalOf(address, { allowPrivate: true });
    if (expected === 'unspecified' || expected === 'multicast') assert.ok(refusal, address);
    else assert.equal(refusal, null, address);
  }
});

test('allowNetworks allows only the listed ranges, also when reached through an IPv4-mapped address', () => {
  const allowance = { allowNetworks: ['10.20.0.0/16', '127.0.0.1', 'fd00::/8'] };
  assert.equal(refusalOf('10.20.3.4', allowance), null);
  assert.equal(refusalOf('::ffff:10.20.3.4', allowance), null);
  assert.equal(refusalOf('127.0.0.1', allowance), null);
  assert.equal(refusalOf('fd00::5', allowance), null);
  assert.equal(refusalOf('10.21.0.1', allowance), 'private address 10.21.0.1');
  assert.equal(refusalOf('127.0.0.2', allowance), 'loopback address 127.0.0.2');
  assert.equal(refusalOf('fc00::5', allowance), 'private address fc00::5');
  assert.equal(refusalOf('0.0.0.0', { allowNetworks: ['0.0.0.0/0'] }), 'unspecified address 0.0.0.0');
});

test('address parsing: IPv6 abbreviations, embedded dotted quads, ranges; malformed input is refused', () => {
  assert.equal(formatIp(parseIp('::ffff:1.2.3.4')!), '0:0:0:0:0:ffff:102:304');
  assert.equal(formatIp(parseIp('2001:db8::8:1')!), '2001:db8:0:0:0:0:8:1');
  assert.equal(formatIp(parseIp('[::1]')!), '0:0:0:0:0:0:0:1');
  assert.equal(formatIp(embeddedIpv4(parseIp('::ffff:c0a8:101')!)!), '192.168.1.1');
  assert.equal(parseIp('256.1.1.1'), null);
  assert.equal(parseIp('1.2.3'), null);
  assert.equal(parseIp('not-an-address'), null);
  assert.ok(inRange(parseIp('172.20.1.1')!, parseRange('172.16.0.0/12')));
  assert.ok(!inRange(parseIp('172.20.1.1')!, parseRange('fc00::/7')));
  assert.throws(() => parseRange('10.0.0.0/33'), /not an IP address or CIDR range: 10\.0\.0\.0\/33/);
  assert.throws(() => parseRange('intranet'), /not an IP address or CIDR range/);
});
