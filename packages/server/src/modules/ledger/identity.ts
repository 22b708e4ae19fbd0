/**
 * The log's identity: its origin line and the node's Ed25519 note key that signs
 * checkpoints (and the node's own statements). The key comes from CONCORD_LEDGER_SIGNER_KEY,
 * or from `ledger-signer.key` in the data folder, created on first start. Several processes
 * sharing one PostgreSQL must share the key (set the variable); the sequencer refuses to
 * extend a log whose recorded key differs from its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  generateSignerKey,
  parseSignerKey,
  formatVerifierKey,
  type NoteSigner,
} from '@concord/ledger';
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { ConfigError } from '../../config';
import { makeCosigner, type Cosigner } from './cosignature';

export interface LogIdentity {
  origin: string;
  /** This node's witness (C2SP tlog-witness), with a key derived from the log key. */
  cosigner: Cosigner;
  signer: NoteSigner;
  verifierKey: string;
  /** Lowercase hex SHA-256 of the raw public key: the key id in statement envelopes. */
  keyFingerprint: string;
}

export const SIGNER_KEY_FILE = 'ledger-signer.key';

export function identityFromSignerKey(
  origin: string,
  signerKey: string,
  fingerprint: (raw: Uint8Array) => string,
): LogIdentity {
  let signer: NoteSigner;
  try {
    signer = parseSignerKey(signerKey);
  } catch (err) {
    throw new ConfigError(
      'CONCORD_LEDGER_SIGNER_KEY',
      `is not a signer key (${(err as Error).message})`,
    );
  }
  if (signer.name !== origin) {
    throw new ConfigError(
      'CONCORD_LEDGER_SIGNER_KEY',
      `names '${signer.name}' but the log origin is '${origin}'`,
    );
  }
  // A separate key for cosigning (the spec wants one key per cosigner), derived from the seed.
  // PRIVATE+KEY+<name>+<key id>+<base64(0x01 ‖ seed)>; the base64 part may itself hold '+'.
  const rest = signerKey.slice('PRIVATE+KEY+'.length);
  const afterName = rest.indexOf('+');
  const keyPart = rest.slice(rest.indexOf('+', afterName + 1) + 1);
  const seed = Buffer.from(keyPart, 'base64').subarray(1);
  // Same key, Node's native Ed25519 (an order of magnitude faster than the portable one).
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const portable = signer;
  signer = {
    name: portable.name,
    keyId: portable.keyId,
    publicKey: portable.publicKey,
    sign: (message: Uint8Array) => new Uint8Array(sign(null, message, privateKey)),
  };
  const witnessSeed = createHash('sha256').update('concord/witness-key/v1').update(seed).digest();
  return {
    origin,
    cosigner: makeCosigner(`${origin}/witness`, witnessSeed),
    signer,
    verifierKey: formatVerifierKey(signer.name, signer.publicKey),
    keyFingerprint: fingerprint(signer.publicKey),
  };
}

/** Loads the node key from the environment or the data folder, creating it there if absent. */
export function loadLogIdentity(
  config: { ledgerOrigin: string; ledgerSignerKey: string | null; dataDir: string },
  fingerprint: (raw: Uint8Array) => string,
): LogIdentity {
  if (config.ledgerSignerKey)
    return identityFromSignerKey(config.ledgerOrigin, config.ledgerSignerKey, fingerprint);
  const file = path.join(config.dataDir, SIGNER_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const { signerKey } = generateSignerKey(config.ledgerOrigin);
    // wx: never overwrite a key another process wrote a moment ago.
    try {
      fs.writeFileSync(file, signerKey + '\n', { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return identityFromSignerKey(
    config.ledgerOrigin,
    fs.readFileSync(file, 'utf8').trim(),
    fingerprint,
  );
}
