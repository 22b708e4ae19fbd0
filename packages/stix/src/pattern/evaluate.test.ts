import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare';
import { PatternSyntaxError, evaluatePattern, parsePattern } from './index';
import type { ObservationObject } from './index';

const b64 = (bytes: number[] | string): string =>
  Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes).toString('base64');
const PCAP_HEADER = [0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0x04, 0x00];

/** One observation in the deprecated `objects` dictionary form (§2.13). */
const OBSERVATION = {
  objects: {
    '0': {
      type: 'file',
      name: 'foo.dll',
      size: 25536,
      hashes: { MD5: '79054025255fb1a26e4bc422aef54eb4', 'SHA-256': 'aec0' },
      created: '2014-01-13T07:03:17Z',
      parent_directory_ref: '1',
      magic_number_hex: 'ffd8',
      mime_type: 'image/bmp',
      x_flag: true,
      x_ratio: 1.5,
      x_unicode: 'ò',
      extensions: {
        'windows-pebinary-ext': {
          sections: [
            { name: '.text', entropy: 7.5 },
            { name: '.data', entropy: 2.1 },
          ],
        },
      },
    },
    '1': { type: 'directory', path: 'C:\\Windows\\System32', contains_refs: ['0', '4'] },
    '2': { type: 'artifact', payload_bin: b64('this is a test') },
    '3': { type: 'ipv4-addr', value: '198.51.100.7' },
    '4': { type: 'file', name: 'Final Report 2024.exe' },
    '5': {
      type: 'network-traffic',
      src_ref: '3',
      dst_ref: '6',
      protocols: ['ipv4', 'tcp'],
      src_port: 1024,
    },
    '6': { type: 'ipv6-addr', value: '2001:db8:dead:beef::1' },
    '7': {
      type: 'email-message',
      from_ref: '8',
      subject: '[IMPORTANT] Please Review Before Friday',
      body_multipart: [{ body_raw_ref: '4' }, { body: 'hello' }],
    },
    '8': { type: 'email-addr', value: 'alice@example.com' },
    '9': {
      type: 'artifact',
      mime_type: 'application/vnd.tcpdump.pcap',
      payload_bin: b64([...PCAP_HEADER, 0x41]),
    },
    '10': { type: 'ipv4-addr', value: '10.0.0.0/8' },
    '11': {
      type: 'x-custom',
      values: ['a', 'b'],
      nested: { 'dotted.key': 1, list: [[1, 2], [3]] },
    },
  },
} as const;

const check = (pattern: string): boolean => evaluatePattern(pattern, OBSERVATION);

const table = (rows: Array<[string, boolean]>): void => {
  it.each(rows)('%s → %s', (pattern, expected) => expect(check(pattern)).toBe(expected));
};

describe('= and != (§9.6.1) on strings, numbers, booleans', () => {
  table([
    ["[file:name = 'foo.dll']", true],
    ["[file:name = 'FOO.DLL']", false],
    ["[file:name != 'foo.dll']", true], // bar.exe is also a file
    ["[file:name != 'foo.dll' AND file:size = 25536]", false],
    ["[file:name NOT = 'foo.dll' AND file:size = 25536]", false],
    ['[file:size = 25536]', true],
    ['[file:size = 25536.0]', true],
    ['[file:size = 25537]', false],
    ['[file:x_ratio = 1.5]', true],
    ['[file:x_ratio = 1]', false], // §9.2: "1 … to a float value of 1.5 is not equal"
    ['[file:x_flag = true]', true],
    ['[file:x_flag = false]', false],
    ['[file:x_flag != false]', true],
    ["[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4']", true],
    ["[file:hashes.'SHA-256' = 'aec0']", true],
    ["[file:hashes.md5 = '79054025255fb1a26e4bc422aef54eb4']", false], // keys are exact
    ["[x-custom:nested.'dotted.key' = 1]", true],
  ]);
});

describe('incompatible types and missing paths', () => {
  table([
    // §9.6.1: incompatible types are false, except != which is true.
    ["[file:size = '25536']", false],
    ["[file:size != '25536' AND file:name = 'foo.dll']", true],
    ["[file:size > '1']", false],
    ["[file:size NOT = '25536' AND file:name = 'foo.dll']", true],
    ['[file:name = 1]', false],
    ['[file:x_flag = 1]', false],
    ['[file:hashes = 1]', false],
    ["[file:hashes != 'x' AND file:name = 'foo.dll']", true],
    // §9.6: a path not present is FALSE whatever the operator, NOT and != included.
    ["[file:nope = 'x']", false],
    ["[file:nope != 'x']", false],
    ["[file:nope NOT = 'x']", false],
    ["[file:nope NOT IN ('x')]", false],
    ["[file:hashes.SHA1 != 'x' AND file:name = 'foo.dll']", false],
    ["[nothing-here:name != 'x']", false],
    ["[ipv4-addr:name = 'foo.dll']", false],
  ]);
});

describe('ordering (§9.6.1, §9.6.2 code point order)', () => {
  table([
    ['[file:size > 256]', true],
    ['[file:size > 25536]', false],
    ['[file:size >= 25536]', true],
    ['[file:size < 25536.5]', true],
    ['[file:size <= 25535]', false],
    ['[file:size NOT > 256]', false],
    ["[file:name > 'foo']", true],
    ["[file:name < 'foo.dllx']", true],
    ["[file:name >= 'g']", false],
    // 'o' < 'oz' < 'ò' (U+006F U+0300) < 'z' < 'ò' (U+00F2); the property is U+00F2.
    ["[file:x_unicode > 'z']", true],
    ["[file:x_unicode > 'o\u0300']", true],
    ["[file:x_unicode = 'o\u0300']", false], // no normalisation for =
  ]);

  it('compares by code point, not UTF-16 unit', () => {
    expect(compareCodePoints('\uffff', '😀')).toBe(-1); // U+FFFF < U+1F600
    expect('\uffff' < '😀').toBe(false); // what JavaScript would say
    expect(compareCodePoints('o', 'oz')).toBe(-1);
    expect(compareCodePoints('oz', 'o\u0300')).toBe(-1);
    expect(compareCodePoints('o\u0300', 'z')).toBe(-1);
    expect(compareCodePoints('z', 'ò')).toBe(-1);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
    expect(compareCodePoints('abcd', 'abc')).toBe(1);
  });
});

describe('timestamps', () => {
  table([
    ["[file:created = t'2014-01-13T07:03:17Z']", true],
    ["[file:created = t'2014-01-13T07:03:17.000Z']", true],
    ["[file:created = t'2014-01-13T07:03:17.001Z']", false],
    ["[file:created < t'2014-01-13T07:03:17.000000001Z']", true],
    ["[file:created > t'2014-01-01T00:00:00Z']", true],
    ["[file:created <= t'2013-12-31T23:59:59.999Z']", false],
    ["[file:created = '2014-01-13T07:03:17Z']", true], // string constant: string comparison
    ["[file:created = '2014-01-13T07:03:17.000Z']", false],
    ["[file:name = t'2014-01-13T07:03:17Z']", false], // not a timestamp value
  ]);
});

describe('binary and hex (§9.6.3, §9.6.4)', () => {
  table([
    // The §9.6.4 example, exactly.
    ["[artifact:payload_bin = 'dGhpcyBpcyBhIHRlc3Q=']", false],
    ["[artifact:payload_bin = 'this is a test']", true],
    ["[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']", true],
    ["[artifact:payload_bin = h'7468697320697320612074657374']", true],
    // A string with a code point above U+00FF cannot be octets: false, but != is true.
    ["[artifact:payload_bin = 'this is a test☃']", false],
    ["[artifact:payload_bin != '☃' AND artifact:payload_bin = 'this is a test']", true],
    ["[file:magic_number_hex = h'ffd8']", true],
    ["[file:magic_number_hex = h'FFD8']", true],
    ["[file:magic_number_hex = b'/9g=']", true],
    ["[file:magic_number_hex = 'ÿØ']", true], // U+00FF U+00D8
    ["[file:magic_number_hex > h'ff']", true], // longer with equal prefix is greater
    ["[file:magic_number_hex < h'ffd9']", true],
    ["[file:magic_number_hex > h'ffd800']", false],
    ["[file:magic_number_hex = 'ffd8']", false], // the text, not the octets
    ["[file:mime_type = h'696d6167652f626d70']", false], // a string property is not binary
  ]);
});

describe('IN (§9.6.1)', () => {
  table([
    ["[file:name IN ('proccy', 'foo.dll')]", true],
    ["[file:name IN ('proccy', 'proximus')]", false],
    ["[file:name NOT IN ('proccy', 'proximus') AND file:size = 25536]", true],
    ["[file:name NOT IN ('foo.dll') AND file:size = 25536]", false],
    ['[file:size IN (1, 25536.0)]', true],
    ['[file:size IN (1, 2)]', false],
    ["[file:created IN (t'2014-01-13T07:03:17.000Z')]", true],
    ["[file:magic_number_hex IN (h'00', b'/9g=')]", true],
  ]);
});

describe('LIKE (§9.6.1)', () => {
  table([
    ["[file:name LIKE 'foo%']", true],
    ["[file:name LIKE 'f_o.dll']", true],
    ["[file:name LIKE '%.dll']", true],
    ["[file:name LIKE '%.DLL']", false],
    ["[file:name LIKE 'foo']", false],
    ["[file:name LIKE '%']", true],
    ["[file:name LIKE '_______']", true],
    ["[file:name LIKE '________']", false],
    ["[file:name NOT LIKE 'x%' AND file:size = 25536]", true],
    ["[directory:path LIKE 'C:\\\\Windows\\\\%']", true],
    ["[file:size LIKE '2%']", false],
  ]);
});

describe('MATCHES (§9.6.1: PCRE, search, DOTALL)', () => {
  table([
    ["[file:name MATCHES '^foo\\\\.dll$']", true],
    ["[file:name MATCHES 'oo\\\\.d']", true], // search, not a whole-string match
    ["[file:name MATCHES '^oo']", false],
    ["[file:name MATCHES '(?i)^FOO']", true],
    ["[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$']", true],
    ["[email-message:subject MATCHES '^[IMPORTANT] Please Review Before']", false], // a class!
    ["[email-message:subject MATCHES '^\\\\[IMPORTANT\\\\] Please Review Before']", true],
    [
      "[email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
      true,
    ],
    [
      "[artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
      true,
    ],
    ["[artifact:payload_bin MATCHES '^\\\\xd4\\\\xc3.*A$']", true],
    ["[artifact:payload_bin MATCHES 'this is a test']", true],
    [
      "[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
      true,
    ],
    ["[file:magic_number_hex MATCHES '^\\\\xff\\\\xd8$']", true],
    ["[file:size MATCHES '2']", false],
    ["[file:name NOT MATCHES 'exe$' AND file:size = 25536]", true],
  ]);
});

describe('ISSUBSET and ISSUPERSET (§9.6.1)', () => {
  table([
    ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", true],
    ["[ipv4-addr:value ISSUBSET '198.51.100.7']", true], // identical address
    ["[ipv4-addr:value ISSUBSET '198.51.101.0/24']", false],
    ["[ipv4-addr:value ISSUPERSET '10.1.2.3']", true], // 10.0.0.0/8 holds it
    ["[ipv4-addr:value ISSUPERSET '10.0.0.0/7']", false],
    ["[ipv4-addr:value NOT ISSUBSET '198.51.100.0/24' AND ipv4-addr:value = '10.0.0.0/8']", true],
    ["[ipv6-addr:value ISSUBSET '2001:db8::/32']", true],
    ["[ipv6-addr:value ISSUBSET '2001:db8:dead:beef::/64']", true],
    ["[ipv6-addr:value ISSUBSET '2001:db9::/32']", false],
    ["[ipv6-addr:value ISSUBSET '198.51.100.0/24']", false], // other family
    ["[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']", true],
    ["[network-traffic:src_ref.value ISSUBSET '0.0.0.0/0']", true],
    ["[file:name ISSUBSET '0.0.0.0/0']", false],
  ]);
});

describe('EXISTS (§9.6.1)', () => {
  table([
    ['[EXISTS file:hashes]', true],
    ['[EXISTS file:hashes.MD5]', true],
    ['[EXISTS file:nope]', false],
    ['[NOT EXISTS file:nope]', true], // a file without it
    ['[NOT EXISTS file:name]', false], // every file has a name
    ["[NOT EXISTS file:hashes AND file:name = 'Final Report 2024.exe']", true],
    ['[EXISTS ipv4-addr:nope]', false],
    ['[NOT EXISTS nothing-here:x]', false], // there must be an object of the type
    ['[EXISTS network-traffic:dst_ref.value]', true],
  ]);
});

describe('lists (§9.7.2) and references (§9.7.4)', () => {
  table([
    ["[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]", true],
    ["[file:extensions.'windows-pebinary-ext'.sections[0].entropy > 7.0]", true],
    ["[file:extensions.'windows-pebinary-ext'.sections[1].entropy > 7.0]", false],
    ["[file:extensions.'windows-pebinary-ext'.sections[2].entropy > 0]", false],
    ["[file:extensions.'windows-pebinary-ext'.sections[-1].entropy > 0]", false],
    // NOT negates the whole comparison: "no section is named .text".
    ["[file:extensions.'windows-pebinary-ext'.sections[*].name NOT = '.text']", false],
    ["[file:extensions.'windows-pebinary-ext'.sections[*].name != '.text']", true],
    ["[network-traffic:protocols[0] = 'ipv4']", true],
    ["[network-traffic:protocols[*] = 'tcp']", true],
    ["[network-traffic:protocols[0] = 'tcp']", false],
    ["[network-traffic:protocols = 'tcp']", false], // a list needs an index
    ['[x-custom:nested.list[*][*] = 3]', true],
    ['[x-custom:nested.list[1][0] = 3]', true],
    ["[x-custom:values[*] NOT IN ('a', 'b')]", false],
    ["[file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']", true],
    [
      "[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
      true,
    ],
    ["[directory:contains_refs[*].name = 'Final Report 2024.exe']", true],
    ["[directory:contains_refs[1].name = 'foo.dll']", false],
    ['[directory:contains_refs[*].parent_directory_ref.contains_refs[*].size = 25536]', true],
    ["[email-message:from_ref.value = 'alice@example.com']", true],
    ["[email-message:from_ref = '8']", true], // the reference itself
    [
      "[network-traffic:src_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.type = 'ipv6-addr']",
      true,
    ],
    ['[file:name.length = 7]', false], // a string has no properties
  ]);
});

describe('§9.5: every comparison in a bracket starts from the same object', () => {
  const split = {
    objects: {
      '0': { type: 'network-traffic', src_ref: '1' },
      '1': { type: 'ipv4-addr', value: '203.0.113.10' },
      '2': { type: 'network-traffic', dst_ref: '3' },
      '3': { type: 'ipv4-addr', value: '198.51.100.58' },
    },
  };
  const pattern =
    "[network-traffic:src_ref.value = '203.0.113.10' AND network-traffic:dst_ref.value = '198.51.100.58']";

  it("does not match the specification's counter-example", () => {
    expect(evaluatePattern(pattern, split)).toBe(false);
  });

  it('matches when one object references both', () => {
    const joined = {
      objects: { ...split.objects, '0': { type: 'network-traffic', src_ref: '1', dst_ref: '3' } },
    };
    expect(evaluatePattern(pattern, joined)).toBe(true);
  });

  table([
    ["[file:name = 'foo.dll' AND file:name = 'Final Report 2024.exe']", false],
    ["[file:name = 'foo.dll' OR file:name = 'Final Report 2024.exe']", true],
    ["[file:name = 'foo.dll' AND ipv4-addr:value = '198.51.100.7']", false],
    ["[file:name = 'foo.dll' OR ipv4-addr:value = '0.0.0.0']", true],
    ["[(file:name = 'foo.dll' AND file:size = 1) OR (ipv4-addr:value = '198.51.100.7')]", true],
    ["[file:name = 'foo.dll' AND file:size = 25536 OR file:name = 'nope']", true],
    ["[file:name = 'nope' AND (file:size = 25536 OR file:name = 'foo.dll')]", false],
  ]);
});

describe('input forms', () => {
  const array: ObservationObject[] = [
    {
      type: 'email-message',
      id: 'email-message--1',
      from_ref: 'email-addr--2',
      to_refs: ['email-addr--3', 'email-addr--9'],
    },
    { type: 'email-addr', id: 'email-addr--2', value: 'mallory@evil.example' },
    { type: 'email-addr', id: 'email-addr--3', value: 'bob@example.com' },
  ];

  it('resolves references by id in the object_refs (array) form', () => {
    expect(evaluatePattern("[email-message:from_ref.value = 'mallory@evil.example']", array)).toBe(
      true,
    );
    expect(evaluatePattern("[email-message:to_refs[*].value = 'bob@example.com']", array)).toBe(
      true,
    );
    expect(evaluatePattern("[email-addr:value LIKE '%@evil.example']", array)).toBe(true);
    expect(
      evaluatePattern("[email-message:from_ref.value = 'bob@example.com']", { objects: array }),
    ).toBe(false);
  });

  it('treats an object outside the observation as not found (§9.7.4)', () => {
    expect(evaluatePattern("[email-message:to_refs[1].value != 'x']", array)).toBe(false);
    expect(evaluatePattern('[EXISTS email-message:to_refs[1].value]', array)).toBe(false);
  });

  it('ignores what is not an object with a type, and never throws on odd input', () => {
    const odd = [null, 1, 'x', [], { no: 'type' }, { type: 7 }, { type: 'file', name: 'a' }];
    expect(evaluatePattern("[file:name = 'a']", odd as unknown as ObservationObject[])).toBe(true);
    expect(evaluatePattern("[file:name = 'a']", {} as { objects: [] })).toBe(false);
    expect(
      evaluatePattern("[file:name = 'a']", { objects: null } as unknown as { objects: [] }),
    ).toBe(false);
    const proto = JSON.parse('{"objects":{"0":{"type":"file","__proto__":{"name":"a"}}}}') as {
      objects: Record<string, ObservationObject>;
    };
    expect(evaluatePattern("[file:__proto__.name = 'a']", proto)).toBe(true);
    expect(evaluatePattern("[file:constructor != 'a']", proto)).toBe(false);
    expect(evaluatePattern('[EXISTS file:toString]', proto)).toBe(false);
  });

  it('accepts a parsed tree or text, and throws the PatternError of bad text', () => {
    expect(evaluatePattern(parsePattern("[file:name = 'foo.dll']"), OBSERVATION)).toBe(true);
    expect(() => evaluatePattern("[file:name = 'foo.dll'", OBSERVATION)).toThrow(
      PatternSyntaxError,
    );
  });
});
