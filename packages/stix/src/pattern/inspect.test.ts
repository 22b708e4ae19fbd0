import { describe, expect, it } from 'vitest';
import { parsePattern, patternObjectTypes, reducePattern } from './index';

describe('patternObjectTypes', () => {
  it.each([
    ["[file:name = 'x']", ['file']],
    [
      "[ipv4-addr:value = '1.2.3.4' OR ipv6-addr:value = '::1'] FOLLOWEDBY ([domain-name:value = 'x'] AND [ipv4-addr:value = '5.6.7.8']) WITHIN 5 SECONDS",
      ['domain-name', 'ipv4-addr', 'ipv6-addr'],
    ],
    ["[network-traffic:dst_ref.value = '1.2.3.4']", ['network-traffic']], // not ipv4-addr
    ['[NOT EXISTS x-usb-device:serial AND x-usb-device:a = 1]', ['x-usb-device']],
    ['[(b:x = 1 OR a:y = 2) AND c:z IN (1, 2)]', ['a', 'b', 'c']],
  ])('%s', (source, types) => {
    expect(patternObjectTypes(parsePattern(source))).toEqual(types);
  });
});

describe('reducePattern', () => {
  it('reduces a disjunction of equalities to its atoms', () => {
    expect(
      reducePattern(
        parsePattern("[ipv4-addr:value = '1.2.3.4'] OR [domain-name:value = 'evil.example']"),
      ),
    ).toEqual([
      { type: 'ipv4-addr', path: 'value', value: '1.2.3.4' },
      { type: 'domain-name', path: 'value', value: 'evil.example' },
    ]);
  });

  it.each([
    ["[file:hashes.'SHA-256' = 'abc']", [{ type: 'file', path: "hashes.'SHA-256'", value: 'abc' }]],
    ["[file:hashes.'MD5' = 'abc']", [{ type: 'file', path: 'hashes.MD5', value: 'abc' }]],
    [
      "[domain-name:value = 'a' OR ipv4-addr:value = '1.2.3.4' OR domain-name:value = 'a']",
      [
        { type: 'domain-name', path: 'value', value: 'a' },
        { type: 'ipv4-addr', path: 'value', value: '1.2.3.4' },
      ],
    ],
    [
      "([a:b = 1] OR [a:b = 1.0]) OR [a:c = true OR (a:d = '1')]",
      [
        { type: 'a', path: 'b', value: 1 },
        { type: 'a', path: 'c', value: true },
        { type: 'a', path: 'd', value: '1' },
      ],
    ],
    [
      "[process:name IN ('proccy', 'proximus')]",
      [
        { type: 'process', path: 'name', value: 'proccy' },
        { type: 'process', path: 'name', value: 'proximus' },
      ],
    ],
    [
      "[network-traffic:dst_ref.value = '1.2.3.4' OR x:list[*].name = 'n']",
      [
        { type: 'network-traffic', path: 'dst_ref.value', value: '1.2.3.4' },
        { type: 'x', path: 'list[*].name', value: 'n' },
      ],
    ],
  ])('%s', (source, atoms) => {
    expect(reducePattern(parsePattern(source))).toEqual(atoms);
  });

  it.each([
    "[file:name = 'a' AND file:size = 1]",
    "[file:name != 'a']",
    "[file:name NOT = 'a']",
    "[file:name NOT IN ('a')]",
    "[file:name LIKE 'a%']",
    '[file:size > 1]',
    '[EXISTS file:name]',
    "[file:created = t'2016-01-01T00:00:00Z']",
    "[file:magic_number_hex = h'ff']",
    "[file:name = 'a'] AND [file:name = 'b']",
    "[file:name = 'a'] FOLLOWEDBY [file:name = 'b']",
    "[file:name = 'a'] WITHIN 5 SECONDS",
    "[file:name = 'a'] OR [file:name = 'b'] REPEATS 2 TIMES",
    "[file:name = 'a' OR file:name MATCHES 'b']",
  ])('%s → null', (source) => {
    expect(reducePattern(parsePattern(source))).toBeNull();
  });
});
