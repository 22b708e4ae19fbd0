import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('RFC 4180 CSV', () => {
  it('leaves plain fields alone and quotes those with commas, quotes or line breaks', () => {
    expect(csvField('committed')).toBe('committed');
    expect(csvField(7)).toBe('7');
    expect(csvField('Korea, Republic of')).toBe('"Korea, Republic of"');
    expect(csvField('the "public core"')).toBe('"the ""public core"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c,d', 1],
      ]),
    ).toBe('a,b\r\n"c,d",1\r\n');
    expect(toCsv([])).toBe('');
  });
});
