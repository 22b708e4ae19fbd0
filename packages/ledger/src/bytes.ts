/** Byte helpers without Buffer, so the package runs unchanged in browsers. */
import { LedgerError } from './errors';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map<string, number>([...B64].map((c, i) => [c, i]));

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Uint8Array check that also accepts arrays from another realm (iframe, vm, jsdom). */
export function isBytes(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) && value.constructor.name === 'Uint8Array')
  );
}

/** Standard base64 with padding (RFC 4648 §4). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const rest = bytes.length - i;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += rest > 1 ? B64[(n >> 6) & 63]! : '=';
    out += rest > 2 ? B64[n & 63]! : '=';
  }
  return out;
}

/**
 * Strict standard base64 (RFC 4648 §4): padding required, no whitespace, and the unused
 * bits of the last group must be zero (RFC 4648 §3.5), so every byte string has exactly one
 * accepted encoding. Returns null instead of throwing; callers pick the error code.
 */
export function tryBase64ToBytes(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text[i + j]!;
      const v = B64_INDEX.get(c);
      if (v === undefined) {
        if (!(c === '=' && last && j >= 4 - pad)) return null;
        n <<= 6;
      } else {
        if (last && j >= 4 - pad) return null;
        n = (n << 6) | v;
      }
    }
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    const keep = last ? 3 - pad : 3;
    if (last && pad > 0 && (n & (pad === 2 ? 0xffff : 0xff)) !== 0) return null;
    for (let k = 0; k < keep; k++) out[o++] = bytes[k]!;
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  const bytes = tryBase64ToBytes(text);
  if (bytes === null) throw new LedgerError('MALFORMED_ENCODING', 'not canonical base64');
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Lowercase hex only, so every byte string has one accepted encoding. */
export function tryHexToBytes(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function hexToBytes(text: string): Uint8Array {
  const bytes = tryHexToBytes(text);
  if (bytes === null) throw new LedgerError('MALFORMED_ENCODING', 'not lowercase hex');
  return bytes;
}

/** True when the string holds a lone UTF-16 surrogate, i.e. it is not valid Unicode text. */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

export function utf8Encode(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8, returning null on invalid sequences (never substitutes U+FFFD). */
export function tryUtf8Decode(bytes: Uint8Array): string | null {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function uint32ToBytes(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

export function bytesToUint32(bytes: Uint8Array, offset = 0): number {
  const [a = 0, b = 0, c = 0, d = 0] = bytes.subarray(offset, offset + 4);
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}
