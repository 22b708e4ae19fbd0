import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, utf8Encode } from './bytes';
import { commitStatement, verifyCommitment } from './commitment';
import { sha256 } from './hash';
import { ledgerError } from './testing/expect';

const TYPE = 'application/vnd.concord.statement+json';
const payload = { b: 2, a: [1, 'x'] };
const salt = new Uint8Array(32).fill(9);

describe('salted commitments', () => {
  it('is SHA-256(salt || JCS({payloadType, payload}))', () => {
    const jcs = `{"payload":{"a":[1,"x"],"b":2},"payloadType":"${TYPE}"}`;
    const c = commitStatement(TYPE, payload, salt);
    expect(c.commitment).toBe(bytesToHex(sha256(concatBytes(salt, utf8Encode(jcs)))));
    expect(c.salt).toEqual(salt);
    expect(() => verifyCommitment(c.commitment, salt, TYPE, { a: [1, 'x'], b: 2 })).not.toThrow();
  });

  it('uses a fresh random salt by default', () => {
    const a = commitStatement(TYPE, payload);
    const b = commitStatement(TYPE, payload);
    expect(a.salt.length).toBe(32);
    expect(a.commitment).not.toBe(b.commitment);
    expect(() => verifyCommitment(a.commitment, a.salt, TYPE, payload)).not.toThrow();
  });

  it('rejects another payload, type or salt', () => {
    const { commitment } = commitStatement(TYPE, payload, salt);
    const other = new Uint8Array(32).fill(8);
    expect(() => verifyCommitment(commitment, salt, TYPE, { ...payload, b: 3 })).toThrow(
      ledgerError('COMMITMENT_MISMATCH'),
    );
    expect(() => verifyCommitment(commitment, salt, 'application/json', payload)).toThrow(
      ledgerError('COMMITMENT_MISMATCH'),
    );
    expect(() => verifyCommitment(commitment, other, TYPE, payload)).toThrow(
      ledgerError('COMMITMENT_MISMATCH'),
    );
  });

  it('rejects malformed commitments and salts', () => {
    const { commitment } = commitStatement(TYPE, payload, salt);
    for (const bad of [commitment.toUpperCase(), commitment.slice(2), `${commitment}00`, 'zz']) {
      expect(() => verifyCommitment(bad, salt, TYPE, payload)).toThrow(
        ledgerError('MALFORMED_COMMITMENT'),
      );
    }
    expect(() => verifyCommitment(commitment, salt.slice(1), TYPE, payload)).toThrow(
      ledgerError('MALFORMED_COMMITMENT'),
    );
    expect(() => commitStatement(TYPE, payload, new Uint8Array(16))).toThrow(
      ledgerError('MALFORMED_COMMITMENT'),
    );
    expect(() => commitStatement('nope', payload, salt)).toThrow(
      ledgerError('INVALID_PAYLOAD_TYPE'),
    );
    expect(() => commitStatement(TYPE, { x: undefined }, salt)).toThrow(
      ledgerError('INVALID_PAYLOAD'),
    );
  });
});
