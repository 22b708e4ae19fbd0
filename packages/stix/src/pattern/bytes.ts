/**
 * Octet strings for binary comparisons: base64 (RFC 4648 §4, as used by b'…' constants and
 * `_bin` properties, STIX 2.1 §2.1/§9.2), hex (h'…' constants and `_hex` properties, §2.8),
 * and the U+0000–U+00FF ↔ octet mapping of §9.2/§9.6.4. Written here so the package stays
 * dependency-free and strict (atob/Buffer accept malformed input).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Strict base64 with padding; null when malformed. Non-zero trailing bits are tolerated. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const body = text.length - pad;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < body; i++) {
    const v = SEXTET.get(text[i]!);
    if (v === undefined) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export const isBase64 = (text: string): boolean => decodeBase64(text) !== null;

/** Hex digits in pairs (either case); null when malformed. */
export function decodeHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** §9.6.4: a string whose code points are all below U+0100 as octets, else null. */
export function latin1ToBytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
}

/** Octets as the string of code points U+0000–U+00FF (for regular expressions on binary). */
export function bytesToLatin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** §9.6.3: unsigned octets; a longer value with an equal prefix is greater. */
export function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
