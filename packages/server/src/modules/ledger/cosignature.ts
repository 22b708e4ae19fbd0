/**
 * C2SP tlog-cosignature, Ed25519 (cosignature/v1): the witness's timestamped signature over
 * a checkpoint. Key ID = SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4]; signature =
 * timestamp (u64, big-endian) ‖ Ed25519 signature over "cosignature/v1\ntime <t>\n" ‖ body.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

export const COSIGNATURE_TYPE_ED25519 = 0x04;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface Cosigner {
  name: string;
  verifierKey: string;
  cosign(checkpointBody: string, timestamp: number): string;
}

export interface CosignatureVerifier {
  name: string;
  keyId: Buffer;
  publicKey: KeyObject;
}

const keyIdOf = (name: string, raw: Buffer) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([COSIGNATURE_TYPE_ED25519]), raw]))
    .digest()
    .subarray(0, 4);

const message = (body: string, timestamp: number) =>
  Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`);

export function makeCosigner(name: string, seed: Uint8Array): Cosigner {
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const raw = Buffer.from(spki.subarray(spki.length - 32));
  const keyId = keyIdOf(name, raw);
  return {
    name,
    verifierKey: `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([COSIGNATURE_TYPE_ED25519]), raw]).toString('base64')}`,
    cosign(body, timestamp) {
      const ts = Buffer.alloc(8);
      ts.writeBigUInt64BE(BigInt(timestamp));
      const sig = sign(null, message(body, timestamp), privateKey);
      return `— ${name} ${Buffer.concat([keyId, ts, sig]).toString('base64')}\n`;
    },
  };
}

/** Parses a cosigner verifier key `name+keyid+base64(0x04 ‖ key)`; null when it is not one. */
export function parseCosignerKey(vkey: string): CosignatureVerifier | null {
  const text = vkey.trim();
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) return null;
  const name = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  const b64 = text.slice(second + 1);
  const bytes = Buffer.from(b64, 'base64');
  if (
    !name ||
    !/^[0-9a-f]{8}$/.test(idHex) ||
    bytes.length !== 33 ||
    bytes[0] !== COSIGNATURE_TYPE_ED25519
  )
    return null;
  const raw = bytes.subarray(1);
  const keyId = keyIdOf(name, raw);
  if (keyId.toString('hex') !== idHex) return null;
  try {
    return {
      name,
      keyId,
      publicKey: createPublicKey({
        key: Buffer.concat([SPKI_ED25519_PREFIX, raw]),
        format: 'der',
        type: 'spki',
      }),
    };
  } catch {
    return null;
  }
}

/** The cosignature lines in `lines` that `verifier` made over `body`, verified. */
export function verifiedCosignatures(
  lines: string,
  body: string,
  verifier: CosignatureVerifier,
): string[] {
  const out: string[] = [];
  for (const line of lines.split('\n')) {
    const m = /^— (\S+) ([A-Za-z0-9+/]+={0,2})$/.exec(line);
    if (!m || m[1] !== verifier.name) continue;
    const blob = Buffer.from(m[2]!, 'base64');
    if (blob.length !== 4 + 8 + 64 || !blob.subarray(0, 4).equals(verifier.keyId)) continue;
    const timestamp = Number(blob.readBigUInt64BE(4));
    if (verify(null, message(body, timestamp), verifier.publicKey, blob.subarray(12)))
      out.push(line + '\n');
  }
  return out;
}
