/**
 * IPv4 and IPv6 addresses and CIDR blocks for ISSUBSET / ISSUPERSET (STIX 2.1 §9.6.1), whose
 * operands are "valid string representation[s]" of ipv4-addr / ipv6-addr values (§6.13,
 * §6.14: an address or a CIDR block). Addresses are held as BigInt so one code path serves
 * both families. A bare address is a /32 or /128 block.
 */

export interface IpBlock {
  readonly family: 4 | 6;
  /** The address bits as written (host bits are not cleared). */
  readonly bits: bigint;
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const DECIMAL = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): bigint | null {
  const m = IPV4.exec(text);
  if (m === null) return null;
  let bits = 0n;
  for (const part of m.slice(1)) {
    // Leading zeros are rejected: some stacks read them as octal.
    if (!DECIMAL.test(part) || Number(part) > 255) return null;
    bits = (bits << 8n) | BigInt(part);
  }
  return bits;
}

/** RFC 4291 §2.2 text forms: full, `::`-compressed, and with a dotted IPv4 tail. */
function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): string[] | null => {
    if (half === '') return [];
    const parts = half.split(':');
    const last = parts[parts.length - 1]!;
    if (last.includes('.')) {
      const v4 = parseIpv4(last);
      if (v4 === null) return null;
      parts.splice(-1, 1, (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16));
    }
    return parts.every((p) => HEX_GROUP.test(p)) ? parts : null;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (head === null || tail === null) return null;
  // A dotted tail is only allowed at the very end of the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n);
}

/** Parse `address` or `address/prefix`; null when it is neither IPv4 nor IPv6. */
export function parseIpBlock(text: string): IpBlock | null {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const v4 = parseIpv4(address);
  const v6 = v4 === null && address.includes(':') ? parseIpv6(address) : null;
  const family = v4 !== null ? 4 : v6 !== null ? 6 : null;
  if (family === null) return null;
  const width = family === 4 ? 32 : 128;
  let prefix = width;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^(?:0|[1-9]\d{0,2})$/.test(p) || Number(p) > width) return null;
    prefix = Number(p);
  }
  return { family, bits: (v4 ?? v6)!, prefix };
}

/**
 * Whether every address of `inner` lies in `outer`: same family, `inner` at least as long a
 * prefix, and equal in `outer`'s prefix bits. Identical blocks are subsets of each other.
 */
export function isSubnetOf(inner: IpBlock, outer: IpBlock): boolean {
  if (inner.family !== outer.family || inner.prefix < outer.prefix) return false;
  const shift = BigInt((inner.family === 4 ? 32 : 128) - outer.prefix);
  return inner.bits >> shift === outer.bits >> shift;
}
