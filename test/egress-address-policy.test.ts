// The address policy on its own: which addresses, in which spellings, are refused.
// No connection is made here; test/egress-ssrf.test.ts drives the same cases
// through Egress.request against a real server.
import { describe, expect, it } from 'vitest';
import { AddressPolicy, classify, parseIp } from '../src/egress/index.js';

const policy = new AddressPolicy();

describe('address policy: refused by default', () => {
  const refused: Array<[string, string]> = [
    // loopback, in every spelling
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['2130706433', 'loopback'], // decimal
    ['0177.0.0.1', 'loopback'], // octal
    ['0x7f.0.0.1', 'loopback'], // hex per part
    ['0x7f000001', 'loopback'], // hex whole
    ['127.1', 'loopback'], // short form
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'], // IPv4-mapped, dotted
    ['::ffff:7f00:1', 'loopback'], // IPv4-mapped, hex
    ['[::ffff:7f00:1]', 'loopback'], // as in a URL host
    ['::7f00:1', 'ipv4-compatible'], // deprecated IPv4-compatible
    ['::127.0.0.1', 'ipv4-compatible'], // how glibc prints ::7f00:1
    ['::8.8.8.8', 'ipv4-compatible'], // not mapped: never routable, whatever it embeds
    ['::ffff:0:127.0.0.1', 'translated'],
    ['64:ff9b::7f00:1', 'loopback'], // NAT64 embedding 127.0.0.1
    ['2002:7f00:1::1', 'loopback'], // 6to4 embedding 127.0.0.1
    // RFC 1918
    ['10.0.0.1', 'private'],
    ['10.1', 'private'], // short form of 10.0.0.1
    ['012.0.0.1', 'private'], // octal 10.0.0.1
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['0300.0250.0.1', 'private'], // octal 192.168.0.1
    ['3232235777', 'private'], // decimal 192.168.1.1
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private'], // NAT64 embedding 10.0.0.1
    ['2002:c0a8:101::1', 'private'], // 6to4 embedding 192.168.1.1
    // link-local and the metadata service
    ['169.254.169.254', 'link-local'],
    ['2852039166', 'link-local'], // decimal 169.254.169.254
    ['0xa9fea9fe', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'scoped'],
    // CGNAT
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    // unique-local (fd00:ec2::254 is the EC2 IPv6 metadata address)
    ['fc00::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fec0::1', 'site-local'],
    // multicast, broadcast, unspecified, this network
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'this-network'],
    ['0', 'this-network'],
    ['0.1.2.3', 'this-network'],
    ['::', 'unspecified'],
    // reserved, documentation, benchmarking, protocol assignments
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'ietf-protocol'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.88.99.1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'teredo'],
    ['2001:2::1', 'ietf-protocol'],
    ['100::1', 'discard'],
    ['::ffff:0:7f00:1', 'translated'],
    ['64:ff9b:1::1', 'translated'],
    ['4000::1', 'reserved'], // outside 2000::/3
    ['5f00::1', 'reserved'],
  ];

  it.each(refused)('%s is refused as %s', (address, cls) => {
    expect(policy.check(address)).toEqual({ allowed: false, class: cls });
  });

  it('treats text that is not an address as refused', () => {
    expect(policy.check('api.example.com').allowed).toBe(false);
    expect(policy.check('1.2.3.4.5').allowed).toBe(false);
    expect(policy.check('').allowed).toBe(false);
  });
});

describe('address policy: public addresses pass, canonicalized', () => {
  const allowed: Array<[string, string, 4 | 6]> = [
    ['93.184.215.14', '93.184.215.14', 4],
    ['8.8.8.8', '8.8.8.8', 4],
    ['134744072', '8.8.8.8', 4], // decimal spelling of a public address
    ['100.63.255.255', '100.63.255.255', 4], // just below CGNAT
    ['100.128.0.0', '100.128.0.0', 4], // just above CGNAT
    ['172.15.255.255', '172.15.255.255', 4], // just below 172.16/12
    ['172.32.0.0', '172.32.0.0', 4], // just above
    ['::ffff:8.8.8.8', '8.8.8.8', 4], // mapped: connect to the IPv4 address
    ['2606:4700:4700::1111', '2606:4700:4700::1111', 6],
    ['64:ff9b::808:808', '64:ff9b::808:808', 6], // NAT64 embedding a public address
    ['2002:808:808::1', '2002:808:808::1', 6], // 6to4 embedding a public address
  ];

  it.each(allowed)('%s passes as %s', (address, canonical, family) => {
    expect(policy.check(address)).toEqual({ allowed: true, address: canonical, family });
  });
});

describe('address policy: configured exceptions', () => {
  it('an allow-listed CIDR lets exactly its addresses through', () => {
    const p = new AddressPolicy(['127.0.0.1/32', '10.1.0.0/16', 'fd12::/16']);
    expect(p.check('127.0.0.1')).toEqual({ allowed: true, address: '127.0.0.1', family: 4 });
    expect(p.check('2130706433')).toEqual({ allowed: true, address: '127.0.0.1', family: 4 });
    expect(p.check('::ffff:127.0.0.1')).toEqual({ allowed: true, address: '127.0.0.1', family: 4 });
    expect(p.check('127.0.0.2').allowed).toBe(false);
    expect(p.check('10.1.2.3').allowed).toBe(true);
    expect(p.check('10.2.0.1').allowed).toBe(false);
    expect(p.check('fd12:3::1').allowed).toBe(true);
    expect(p.check('fd13::1').allowed).toBe(false);
    expect(p.check('169.254.169.254').allowed).toBe(false);
  });

  it('a VPC profile allowing 10.1.0.0/16 passes 10.1.2.3 but not 10.2.0.1', () => {
    const vpc = new AddressPolicy(['10.1.0.0/16']);
    expect(vpc.check('10.1.2.3')).toEqual({ allowed: true, address: '10.1.2.3', family: 4 });
    expect(vpc.check('10.2.0.1')).toEqual({ allowed: false, class: 'private' });
    expect(vpc.check('127.0.0.1')).toEqual({ allowed: false, class: 'loopback' });
  });

  it('a bare address is a single-host CIDR', () => {
    const p = new AddressPolicy(['192.168.7.7']);
    expect(p.check('192.168.7.7').allowed).toBe(true);
    expect(p.check('192.168.7.8').allowed).toBe(false);
  });

  it('never opens unspecified, broadcast or multicast, even to 0.0.0.0/0', () => {
    const p = new AddressPolicy(['0.0.0.0/0', '::/0']);
    expect(p.check('10.0.0.1').allowed).toBe(true);
    for (const address of ['0.0.0.0', '0', '255.255.255.255', '224.0.0.1', '::', 'ff02::1']) {
      expect(p.check(address).allowed, address).toBe(false);
    }
  });

  it('rejects an invalid CIDR at configuration time', () => {
    expect(() => new AddressPolicy(['10.0.0.0/33'])).toThrow(/invalid CIDR/);
    expect(() => new AddressPolicy(['not-an-ip'])).toThrow(/invalid CIDR/);
  });
});

describe('address parsing', () => {
  it('parses legacy IPv4 spellings to the same address', () => {
    for (const text of ['127.0.0.1', '2130706433', '0177.0.0.1', '0x7f.0.0.1', '0x7f000001', '127.1', '0x7f.1']) {
      expect(parseIp(text)?.toString(), text).toBe('127.0.0.1');
    }
    expect(parseIp('example.com')).toBeUndefined();
    expect(classify(parseIp('::ffff:7f00:1')!)).toBe('loopback');
  });
});
