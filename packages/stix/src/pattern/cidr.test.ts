import { describe, expect, it } from 'vitest';
import { isSubnetOf, parseIpBlock } from './cidr';

const block = (text: string) => {
  const b = parseIpBlock(text);
  if (b === null) throw new Error(`not a block: ${text}`);
  return b;
};

describe('parseIpBlock', () => {
  it.each([
    ['0.0.0.0', 4, 0n, 32],
    ['255.255.255.255', 4, 0xffffffffn, 32],
    ['198.51.100.0/24', 4, 0xc6336400n, 24],
    ['10.0.0.0/0', 4, 0x0a000000n, 0],
    ['::', 6, 0n, 128],
    ['::1', 6, 1n, 128],
    ['1::', 6, 1n << 112n, 128],
    ['2001:db8::/32', 6, 0x20010db8n << 96n, 32],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', 6, (0x20010db8n << 96n) | 1n, 128],
    ['1:2:3:4:5:6:7::', 6, 0x0001000200030004000500060007_0000n, 128],
    ['::ffff:192.0.2.1', 6, 0xffffc0000201n, 128],
    ['64:ff9b::198.51.100.7/96', 6, (0x64ff9bn << 96n) | 0xc6336407n, 96],
    ['1:2:3:4:5:6:1.2.3.4', 6, 0x0001000200030004000500060102_0304n, 128],
  ])('%s', (text, family, bits, prefix) => {
    expect(parseIpBlock(text)).toEqual({ family, bits, prefix });
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.0',
    '01.2.3.4',
    '1.2.3.4/33',
    '1.2.3.4/',
    '1.2.3.4/032',
    '1.2.3.4/-1',
    ' 1.2.3.4',
    '1.2.3.4 ',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    '12345::',
    'g::',
    ':1::',
    '1.2.3.4::',
    '::1.2.3',
    '::1.2.3.4:5',
    'fe80::1%eth0',
    '::/129',
    'example.com',
  ])('rejects %j', (text) => {
    expect(parseIpBlock(text)).toBeNull();
  });
});

describe('isSubnetOf (ISSUBSET; ISSUPERSET is the converse)', () => {
  it.each([
    // IPv4
    ['198.51.100.0/27', '198.51.100.0/24', true], // the §9.6.1 example
    ['198.51.100.0/24', '198.51.100.0/27', false],
    ['198.51.100.0/24', '198.51.100.0/24', true], // identical blocks
    ['198.51.100.7', '198.51.100.7', true], // identical addresses
    ['198.51.100.7', '198.51.100.7/32', true],
    ['198.51.100.7', '198.51.100.0/24', true],
    ['198.51.100.7', '198.51.100.99/24', true], // host bits of the outer block are ignored
    ['198.51.101.7', '198.51.100.0/24', false],
    ['198.51.100.7', '0.0.0.0/0', true],
    ['0.0.0.0/0', '198.51.100.0/24', false],
    ['10.0.0.0/8', '10.0.0.0/7', true],
    ['11.0.0.0/8', '10.0.0.0/7', true],
    ['12.0.0.0/8', '10.0.0.0/7', false],
    ['255.255.255.255', '255.255.255.254/31', true],
    // IPv6 (BigInt arithmetic across all 128 bits)
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['2001:db8:dead:beef::1', '2001:0db8:dead:beef:0000:0000:0000:0000/64', true],
    ['2001:db8:dead:bef0::1', '2001:0db8:dead:beef:0000:0000:0000:0000/64', false],
    ['::1', '::/0', true],
    [
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127',
      true,
    ],
    [
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffd',
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127',
      false,
    ],
    ['2001:db8::/48', '2001:db8::/32', true],
    ['2001:db8::/31', '2001:db8::/32', false],
    ['::ffff:198.51.100.7', '::ffff:198.51.100.0/120', true],
    // different families never nest, even IPv4-mapped addresses
    ['::ffff:198.51.100.7', '198.51.100.0/24', false],
    ['198.51.100.7', '::/0', false],
  ])('%s ⊆ %s is %s', (inner, outer, expected) => {
    expect(isSubnetOf(block(inner), block(outer))).toBe(expected);
  });
});
