/** RFC 4122 §4.3 name-based UUIDs (version 5, SHA-1) and random ones (version 4). */
import { sha1 } from '@noble/hashes/legacy.js';
import { StixError } from './errors';
import { isRfc4122Uuid } from './identifier';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

function uuidBytes(uuid: string): Uint8Array {
  if (!isRfc4122Uuid(uuid)) throw new StixError('INVALID_ARGUMENT', `not a UUID: ${uuid}`);
  const hex = uuid.replaceAll('-', '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function format(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[b[i] ?? 0];
  }
  return s;
}

/** RFC 4122 §4.3: SHA-1 over namespace ‖ UTF-8(name), version 5, RFC 4122 variant. */
export function uuidV5(namespace: string, name: string): string {
  const ns = uuidBytes(namespace);
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(ns, 0);
  input.set(nameBytes, 16);
  const digest = sha1(input);
  const b = digest.slice(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  return format(b);
}

/** A random (version 4) UUID from the platform CSPRNG (Node ≥ 19 and browsers). */
export function randomUuidV4(): string {
  return globalThis.crypto.randomUUID();
}
