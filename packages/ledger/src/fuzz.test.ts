/** Attacker-controlled input may be rejected, but only ever with a LedgerError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, utf8Encode } from './bytes';
import { openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint';
import { decodeEntryBundle } from './entry-bundle';
import { ed25519StatementSigner } from './dsse';
import { envelopeFromLeafData, parseEnvelope, signStatement, verifyStatement } from './envelope';
import { LedgerError } from './errors';
import { leafHash } from './hash';
import { parseCanonicalJson } from './json';
import { generateSignerKey, parseSignerKey, parseVerifierKey } from './keys';
import { openNote } from './note';
import { parseTilePath } from './tile-path';
import { tileHashes } from './tiles';
import { verifyConsistency, verifyInclusion } from './verify';

function onlyLedgerErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof LedgerError)) throw e;
  }
}

const key = generateSignerKey('example.com/log', new Uint8Array(32).fill(5));
const verifier = parseVerifierKey(key.verifierKey);
const checkpointNote = signCheckpoint(
  { origin: 'example.com/log', size: 1234n, root: leafHash(new Uint8Array(0)) },
  [parseSignerKey(key.signerKey)],
);
const alice = ed25519StatementSigner(new Uint8Array(32).fill(1));
const envelope = signStatement('application/json', { a: [1, 'b'] }, alice);

/** Strings near a valid one: random splices of characters that matter to the parsers. */
function mutations(valid: string): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(
      '\n',
      '\n\n',
      '—',
      ' ',
      '+',
      '=',
      '/',
      '.p',
      'x',
      '0',
      '\r',
      '\u0000',
      '\ud800',
      'é',
    ),
    fc.string({ maxLength: 4 }),
  );
  return fc
    .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 8 }), piece)
    .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
}

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));

describe('parsers reject garbage with LedgerError only', () => {
  it('openNote / openCheckpoint / parseCheckpoint', () => {
    fc.assert(
      fc.property(fc.oneof(text, mutations(checkpointNote)), (s) => {
        onlyLedgerErrors(() => openNote(s, [verifier]));
        onlyLedgerErrors(() => openCheckpoint(s, [verifier], 'example.com/log'));
        onlyLedgerErrors(() => parseCheckpoint(s));
        onlyLedgerErrors(() => openNote(utf8Encode(s), [verifier]));
      }),
      { numRuns: 500 },
    );
  });

  it('a mutated checkpoint either fails or still says what was signed', () => {
    fc.assert(
      fc.property(mutations(checkpointNote), (s) => {
        try {
          const opened = openCheckpoint(s, [verifier]);
          // Only mutations of the signature block's unknown parts can survive.
          expect(opened.checkpoint.size).toBe(1234n);
        } catch (e) {
          expect(e).toBeInstanceOf(LedgerError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parseVerifierKey / parseSignerKey', () => {
    fc.assert(
      fc.property(fc.oneof(text, mutations(key.verifierKey), mutations(key.signerKey)), (s) => {
        onlyLedgerErrors(() => parseVerifierKey(s));
        onlyLedgerErrors(() => parseSignerKey(s));
      }),
      { numRuns: 500 },
    );
  });

  it('parseTilePath', () => {
    fc.assert(
      fc.property(fc.oneof(text, mutations('tile/entries/x001/x234/067.p/12')), (s) => {
        onlyLedgerErrors(() => parseTilePath(s));
      }),
      { numRuns: 500 },
    );
  });

  it('parseEnvelope / verifyStatement on arbitrary values', () => {
    const field = fc.constantFrom('payloadType', 'payload', 'signatures');
    const damaged = fc.tuple(field, fc.anything()).map(([k, v]) => ({ ...envelope, [k]: v }));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), damaged), (v) => {
        onlyLedgerErrors(() => parseEnvelope(v));
        onlyLedgerErrors(() => verifyStatement(v, () => alice.publicKey));
      }),
      { numRuns: 500 },
    );
  });

  it('binary decoders', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => {
        onlyLedgerErrors(() => decodeEntryBundle(b));
        onlyLedgerErrors(() => tileHashes(b));
        onlyLedgerErrors(() => parseCanonicalJson(b));
        onlyLedgerErrors(() => envelopeFromLeafData(b));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        onlyLedgerErrors(() => base64ToBytes(s));
        onlyLedgerErrors(() => parseCanonicalJson(utf8Encode(s)));
      }),
    );
  });

  it('proof verifiers on arbitrary arguments', () => {
    const arg = fc.oneof(
      fc.anything(),
      fc.bigInt(),
      fc.uint8Array({ minLength: 31, maxLength: 33 }),
      fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 70 }),
    );
    fc.assert(
      fc.property(arg, arg, arg, arg, arg, (a, b, c, d, e) => {
        onlyLedgerErrors(() =>
          verifyInclusion(
            a as Uint8Array,
            b as bigint,
            c as bigint,
            d as Uint8Array[],
            e as Uint8Array,
          ),
        );
        onlyLedgerErrors(() =>
          verifyConsistency(
            a as bigint,
            b as bigint,
            c as Uint8Array[],
            d as Uint8Array,
            e as Uint8Array,
          ),
        );
      }),
      { numRuns: 500 },
    );
  });
});
