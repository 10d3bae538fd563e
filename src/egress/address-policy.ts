// Which IP addresses an outbound request may connect to.
//
// Only globally reachable unicast addresses pass by default. Everything in the
// IANA special-purpose registries (RFC 6890 and successors) is refused: loopback,
// RFC 1918 private, link-local (169.254.169.254, the cloud metadata service, is
// there), CGNAT, documentation, benchmarking, multicast, broadcast, "this network",
// and for IPv6 everything outside 2000::/3 plus the special blocks inside it.
// Addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by
// the address they embed, so ::ffff:127.0.0.1 is loopback like 127.0.0.1.
//
// Exceptions come only from configuration: CIDRs that let matching addresses
// through. Even they never open the unspecified, broadcast and multicast
// addresses, which are never an HTTPS server (and 0.0.0.0 reaches the local host).
import net from 'node:net';
import ipaddr from 'ipaddr.js';

type IP = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [IP, number];

/** Why an address is refused; 'public' addresses pass. */
export type AddressClass =
  | 'public'
  | 'this-network'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'ietf-protocol'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'unspecified'
  | 'ipv4-compatible'
  | 'unique-local'
  | 'site-local'
  | 'discard'
  | 'teredo'
  | 'translated'
  | 'scoped';

const cidr = (text: string): Cidr => ipaddr.parseCIDR(text);

// IANA IPv4 Special-Purpose Address Registry, the blocks that are not globally reachable.
const IPV4_SPECIAL: ReadonlyArray<readonly [AddressClass, Cidr]> = [
  ['this-network', cidr('0.0.0.0/8')], // RFC 791; 0.0.0.0 itself reaches the local host
  ['private', cidr('10.0.0.0/8')], // RFC 1918
  ['cgnat', cidr('100.64.0.0/10')], // RFC 6598
  ['loopback', cidr('127.0.0.0/8')], // RFC 1122
  ['link-local', cidr('169.254.0.0/16')], // RFC 3927, includes 169.254.169.254
  ['private', cidr('172.16.0.0/12')], // RFC 1918
  ['ietf-protocol', cidr('192.0.0.0/24')], // RFC 6890
  ['documentation', cidr('192.0.2.0/24')], // RFC 5737 TEST-NET-1
  ['reserved', cidr('192.88.99.0/24')], // RFC 7526, deprecated 6to4 relay anycast
  ['private', cidr('192.168.0.0/16')], // RFC 1918
  ['benchmarking', cidr('198.18.0.0/15')], // RFC 2544
  ['documentation', cidr('198.51.100.0/24')], // RFC 5737 TEST-NET-2
  ['documentation', cidr('203.0.113.0/24')], // RFC 5737 TEST-NET-3
  ['multicast', cidr('224.0.0.0/4')], // RFC 5771
  ['broadcast', cidr('255.255.255.255/32')], // RFC 919 (before 240/4 so it is named)
  ['reserved', cidr('240.0.0.0/4')], // RFC 1112
];

// IANA IPv6 Special-Purpose Address Registry. Anything outside 2000::/3 that is
// not listed here is refused as 'reserved'.
const IPV6_SPECIAL: ReadonlyArray<readonly [AddressClass, Cidr]> = [
  ['unspecified', cidr('::/128')],
  ['loopback', cidr('::1/128')],
  ['ipv4-compatible', cidr('::/96')], // RFC 4291 deprecated ::a.b.c.d (::7f00:1 is 127.0.0.1)
  ['translated', cidr('::ffff:0:0:0/96')], // RFC 6145 SIIT
  ['translated', cidr('64:ff9b:1::/48')], // RFC 8215 local-use NAT64
  ['discard', cidr('100::/64')], // RFC 6666
  ['teredo', cidr('2001::/32')], // RFC 4380: the IPv4 inside is obfuscated, refuse whole
  ['ietf-protocol', cidr('2001::/23')], // RFC 2928
  ['documentation', cidr('2001:db8::/32')], // RFC 3849
  ['documentation', cidr('3fff::/20')], // RFC 9637
  ['reserved', cidr('5f00::/16')], // RFC 9602 SRv6 SIDs
  ['unique-local', cidr('fc00::/7')], // RFC 4193
  ['link-local', cidr('fe80::/10')], // RFC 4291
  ['site-local', cidr('fec0::/10')], // RFC 3879
  ['multicast', cidr('ff00::/8')], // RFC 4291
];

const GLOBAL_UNICAST_V6 = cidr('2000::/3');
const NAT64 = cidr('64:ff9b::/96'); // RFC 6052 well-known prefix, IPv4 in the last 32 bits
const SIX_TO_FOUR = cidr('2002::/16'); // RFC 3056, IPv4 in bits 16..47

/** Never an acceptable destination, whatever the allow-list says. */
const NEVER: ReadonlySet<AddressClass> = new Set(['this-network', 'unspecified', 'broadcast', 'multicast']);

/**
 * Parses an IP address in any spelling Node or a resolver could hand us, including
 * the legacy IPv4 forms (`2130706433`, `0177.0.0.1`, `0x7f.0.0.1`, `127.1`).
 * Returns undefined for anything that is not an IP address.
 */
export function parseIp(text: string): IP | undefined {
  let bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // ipaddr.js reads `::a.b.c.d` as IPv4-mapped (::ffff:a.b.c.d); RFC 4291 §2.2 says it
  // is ::a.b.c.d, the IPv4-compatible form glibc prints. Spell the tail in hex first.
  const tail = /:(\d+\.\d+\.\d+\.\d+)(%.*)?$/.exec(bare);
  const v4 = tail?.[1];
  if (tail && v4 && net.isIPv4(v4)) {
    const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
    const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    bare = `${bare.slice(0, tail.index + 1)}${hex}${tail[2] ?? ''}`;
  }
  if (!ipaddr.isValid(bare)) return undefined;
  try {
    return ipaddr.parse(bare);
  } catch {
    return undefined;
  }
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address it maps: one address, one verdict. */
function unmap(ip: IP): IP {
  return ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress() ? ip.toIPv4Address() : ip;
}

function embeddedV4(ip: ipaddr.IPv6, firstByte: number): ipaddr.IPv4 {
  const bytes = ip.toByteArray();
  return new ipaddr.IPv4(bytes.slice(firstByte, firstByte + 4));
}

function matches(ip: IP, range: Cidr): boolean {
  return ip.kind() === range[0].kind() && ip.match(range);
}

/** The class of an address: 'public', or the special range it falls in. */
export function classify(input: IP): AddressClass {
  const ip = unmap(input);
  if (!(ip instanceof ipaddr.IPv6)) {
    for (const [name, range] of IPV4_SPECIAL) if (matches(ip, range)) return name;
    return 'public';
  }
  const v6 = ip;
  if (v6.zoneId) return 'scoped';
  if (matches(v6, NAT64)) return classify(embeddedV4(v6, 12));
  for (const [name, range] of IPV6_SPECIAL) if (matches(v6, range)) return name;
  if (!matches(v6, GLOBAL_UNICAST_V6)) return 'reserved';
  if (matches(v6, SIX_TO_FOUR)) return classify(embeddedV4(v6, 2));
  return 'public';
}

export type AddressVerdict = { allowed: true; address: string; family: 4 | 6 } | { allowed: false; class: AddressClass };

/** Parses CIDR strings ("10.0.0.0/8", "fd00::/8", or a bare address for a single host). */
export function parseCidrs(cidrs: readonly string[]): Cidr[] {
  return cidrs.map((text) => {
    try {
      if (text.includes('/')) return ipaddr.parseCIDR(text);
      const ip = ipaddr.parse(text);
      const host: Cidr = [ip, ip.kind() === 'ipv4' ? 32 : 128];
      return host;
    } catch {
      throw new TypeError(`invalid CIDR in egress allow-list: ${JSON.stringify(text)}`);
    }
  });
}

/** Verdicts kept per policy (see AddressPolicy.check); past this many the set starts over. */
const MAX_VERDICTS = 4096;

/** Decides, for one set of exceptions, whether an address may be connected to. */
export class AddressPolicy {
  private readonly allow: Cidr[];
  // A policy never changes (a new configuration builds new policies), and the verdict is
  // a function of the address text alone: every request checks the same few addresses,
  // so the verdict is kept instead of parsing and classifying again (ipaddr.js: µs each).
  private readonly verdicts = new Map<string, AddressVerdict>();

  constructor(allowCidrs: readonly string[] = []) {
    this.allow = parseCidrs(allowCidrs);
  }

  /** The verdict for an address in any spelling; the allowed address comes back canonical. */
  check(text: string): AddressVerdict {
    let verdict = this.verdicts.get(text);
    if (verdict === undefined) {
      verdict = Object.freeze(this.decide(text));
      if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.clear();
      this.verdicts.set(text, verdict);
    }
    return verdict;
  }

  private decide(text: string): AddressVerdict {
    const parsed = parseIp(text);
    if (!parsed) return { allowed: false, class: 'reserved' };
    const ip = unmap(parsed);
    const cls = classify(ip);
    const pass = cls === 'public' || (!NEVER.has(cls) && this.allow.some((range) => matches(ip, range)));
    if (!pass) return { allowed: false, class: cls };
    return { allowed: true, address: ip.toString(), family: ip.kind() === 'ipv4' ? 4 : 6 };
  }
}
