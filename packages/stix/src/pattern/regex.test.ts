import { describe, expect, it } from 'vitest';
import { UnsupportedRegexError, compilePcre, translatePcre } from './regex';

const search = (pattern: string, value: string): boolean =>
  compilePcre(pattern, 'text').test(value);
const searchBytes = (pattern: string, bytes: number[]): boolean =>
  compilePcre(pattern, 'binary').test(String.fromCharCode(...bytes));

describe('PCRE spellings on strings', () => {
  it.each([
    ['.+\\@example\\.com$', 'alice@example.com', true], // identity escape of '@'
    ['a\\-b', 'a-b', true],
    ["\\'", "'", true],
    ['[\\w\\-]+', '-', true],
    ['^a.b$', 'a\nb', true], // DOTALL
    ['^ab$', 'ab\n', true], // PCRE $: end or before a final newline
    ['^ab$', 'ab\n\n', false],
    ['^ab\\z', 'ab\n', false],
    ['^ab\\Z', 'ab\n', true],
    ['\\Aab', 'ab', true],
    ['\\Aab', 'xab', false],
    ['(?i)^ABC', 'abc', true],
    ['(?m)^b$', 'a\nb\nc', true],
    ['(?s).', '\n', true],
    ['\\x41\\x{1F600}', 'A😀', true],
    ['\\x{41}', 'A', true],
    ['\\o{101}', 'A', true],
    ['\\101', 'A', true], // octal: fewer than 101 groups precede it
    ['\\0101', 'A', false],
    ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10', 'abcdefghijj', true], // ten groups precede \10
    ['[\\101]', 'A', true], // in a class, always octal
    ['\\012', '\n', true],
    ['\\e\\a', '\x1b\x07', true],
    ['\\h', '\u3000', true],
    ['\\v', '\u2028', true],
    ['\\R', '\r\n', true],
    ['\\H', ' ', false],
    ['\\pL+', 'héllo', true],
    ['\\p{Lu}', 'a', false],
    ['\\Q.*\\E', '.*', true],
    ['\\Q.*\\E', 'ab', false],
    ['\\Q+(', 'a+(', true],
    ['(?P<w>a+)b(?P=w)', 'aabaa', true],
    ["(?'w'x)\\k{w}", 'xx', true],
    ['(a)\\g{1}\\g1', 'aaa', true],
    ['(?<n>z)\\k<n>\\g{n}', 'zzz', true],
    ['a(?#comment)b', 'ab', true],
    ['a{2}', 'aa', true],
    ['a{2,}', 'aaa', true],
    ['a{,2}', 'a{,2}', true], // not a quantifier: literal
    ['a{x}', 'a{x}', true],
    ['a}', 'a}', true],
    ['a]', 'a]', true],
    ['[]a]', ']', true], // ']' first in a class is a member
    ['[^]a]', 'b', true],
    ['[^]a]', ']', false],
    ['[[:alpha:]]+[[:digit:]]', 'abc1', true],
    ['[[:space:]]', '\t', true],
    ['[[:punct:]]', '!', true],
    ['[a[]', '[', true],
    ['[\\d-]', '-', true],
    ['^[IMPORTANT] Please', 'I Please', true],
    ['(?:a|b)(?=c)(?!d)(?<=b)c', 'bc', true],
  ])('%j searches %j → %s', (pattern, value, expected) => {
    expect(search(pattern, value)).toBe(expected);
  });
});

describe('PCRE on binary data (no UNICODE option)', () => {
  it.each<[string, number[], boolean]>([
    ['\\xd4\\xc3\\xb2\\xa1', [0x00, 0xd4, 0xc3, 0xb2, 0xa1], true],
    ['^\\xd4', [0x00, 0xd4], false],
    ['\\x{d4}', [0xd4], true],
    ['\\x{263a}', [0x26, 0x3a], false], // above U+00FF: cannot be one octet
    ['[\\x{263a}a]', [0x61], true],
    ['[^\\x{263a}]', [0x26], true],
    ['.', [0x0a], true],
    ['\\@', [0x40], true],
  ])('%j on %j → %s', (pattern, bytes, expected) => {
    expect(searchBytes(pattern, bytes)).toBe(expected);
  });

  it('refuses \\p on binary data', () => {
    expect(() => compilePcre('\\pL', 'binary')).toThrow(UnsupportedRegexError);
  });
});

describe('constructs JavaScript cannot run are refused, not approximated', () => {
  it.each([
    '(?>a)',
    'a++',
    'a*+',
    'a?+',
    'a{2}+',
    '(?R)',
    '(?1)',
    '(?(1)a|b)',
    '(?|a)',
    'a(?i)b',
    '(?x)a b',
    '(?-i)a',
    '\\G',
    '\\K',
    '\\X',
    '\\y',
    '[[:foo:]]',
    '[[:^alpha:]]',
    '[\\A]',
    '\\',
    '(',
    '[a',
    'a{2,1}',
    '(?#open',
    '\\o7',
    '\\x{110000}',
    '\\c',
    '\\81', // a back-reference to a group that does not exist
  ])('%j', (pattern) => {
    expect(() => compilePcre(pattern, 'text')).toThrow(UnsupportedRegexError);
  });
});

describe('translatePcre', () => {
  it('always sets DOTALL, and UNICODE only for strings', () => {
    expect(translatePcre('a', 'text').flags).toBe('su');
    expect(translatePcre('a', 'binary').flags).toBe('s');
    expect(translatePcre('(?im)a', 'text').flags).toBe('imsu');
  });
});
