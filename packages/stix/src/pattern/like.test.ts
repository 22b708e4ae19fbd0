import { describe, expect, it } from 'vitest';
import { likeMatches } from './like';

describe('LIKE (§9.6.1: % is zero or more characters, _ is exactly one)', () => {
  it.each([
    ['foo.dll', 'foo.dll', true],
    ['foo.dll', 'foo%', true],
    ['foo.dll', '%dll', true],
    ['foo.dll', '%o.d%', true],
    ['foo.dll', '%', true],
    ['', '%', true],
    ['', '%%', true],
    ['', '', true],
    ['', '_', false],
    ['a', '', false],
    ['foo.dll', 'f_o.dll', true],
    ['foo.dll', 'f__.dll', true],
    ['foo.dll', 'f_.dll', false],
    ['foo.dll', '_%_', true],
    ['ab', '_%_', true],
    ['a', '_%_', false],
    ['foo.dll', 'FOO.DLL', false], // case-sensitive
    ['foo.dll', 'foo', false],
    ['foo.dll', 'oo.dll', false], // anchored at both ends
    ['aaa', '%a%a%a%', true],
    ['aa', '%a%a%a%', false],
    ['mississippi', 'm%iss%pi', true],
    ['mississippi', 'm%iss%ppi%x', false],
    ['abcabc', '%abc', true],
    ['50%', '50\\%', false], // no escape character: the backslash is literal
    ['50\\x', '50\\%', true],
    ['a_b', 'a_b', true],
    ['axb', 'a_b', true], // _ is a wildcard even when the value holds an underscore
    ['line\nbreak', 'line_break', true],
    ['😀x', '_x', true], // one code point, not one UTF-16 unit
    ['C:\\Windows\\sys\\foo', 'C:\\Windows\\%\\foo', true], // the §9.6.1 example
    ['C:\\Windows\\foo', 'C:\\Windows\\%\\foo', false],
    ['e\u0301', 'é', true], // both sides NFC-normalised
    ['é', 'e\u0301', true],
    ['é', 'e_', false],
  ])('%j LIKE %j is %s', (value, pattern, expected) => {
    expect(likeMatches(value, pattern)).toBe(expected);
  });

  it('takes linear-ish time on adversarial patterns', () => {
    const started = Date.now();
    expect(likeMatches('a'.repeat(20_000), `${'%a'.repeat(200)}b`)).toBe(false);
    expect(likeMatches(`${'a'.repeat(20_000)}b`, `${'%a'.repeat(200)}%b`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
