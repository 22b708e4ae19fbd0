import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './bytes';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint';
import { generateSignerKey, parseSignerKey, parseVerifierKey } from './keys';
import { signNote } from './note';
import { ledgerError } from './testing/expect';

// The example in c2sp.org/tlog-checkpoint.
const SPEC_BODY =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ROOT = base64ToBytes('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');

describe('checkpoint body (c2sp.org/tlog-checkpoint "Note text")', () => {
  it('parses and re-formats the spec example', () => {
    const cp = parseCheckpoint(SPEC_BODY);
    expect(cp).toEqual({
      origin: 'example.com/behind-the-sofa',
      size: 20852163n,
      root: ROOT,
      extensions: [],
    });
    expect(formatCheckpoint(cp)).toBe(SPEC_BODY);
  });

  it('keeps extension lines and handles the empty tree and uint64 max', () => {
    const body = 'log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next 1\next-2\n';
    const cp = parseCheckpoint(body);
    expect(cp.size).toBe(0n);
    expect(cp.extensions).toEqual(['ext 1', 'ext-2']);
    expect(formatCheckpoint(cp)).toBe(body);
    const max = parseCheckpoint('log\n18446744073709551615\n' + SPEC_BODY.split('\n')[2] + '\n');
    expect(max.size).toBe((1n << 64n) - 1n);
  });

  it.each([
    ['example.com\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'no final newline'],
    ['example.com\n20852163\n', 'missing root'],
    ['\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'empty origin'],
    ['o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'leading zero'],
    ['o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'negative size'],
    ['o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'plus sign'],
    ['o\n1e3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'exponent'],
    ['o\n 1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'space'],
    ['o\n18446744073709551616\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'above 2^64-1'],
    ['o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n', 'root of 30 bytes'],
    ['o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n', 'non-canonical base64'],
    ['o\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n', 'URL-safe base64'],
    ['o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n', 'empty extension line'],
    ['o\r\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', 'carriage return'],
  ])('rejects %j (%s)', (body) => {
    expect(() => parseCheckpoint(body)).toThrow(ledgerError('MALFORMED_CHECKPOINT'));
  });

  it('refuses to format what it could not parse', () => {
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1n, root: ROOT })).toThrow(
      ledgerError('MALFORMED_CHECKPOINT'),
    );
    expect(() => formatCheckpoint({ origin: 'a', size: 1n, root: ROOT, extensions: [''] })).toThrow(
      ledgerError('MALFORMED_CHECKPOINT'),
    );
    expect(() => formatCheckpoint({ origin: 'a', size: -1n, root: ROOT })).toThrow(
      ledgerError('INVALID_SIZE'),
    );
    expect(() => formatCheckpoint({ origin: 'a', size: 1n, root: ROOT.slice(1) })).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
  });
});

describe('signed checkpoints', () => {
  const key = generateSignerKey('example.com/log', new Uint8Array(32).fill(7));
  const signer = parseSignerKey(key.signerKey);
  const verifier = parseVerifierKey(key.verifierKey);
  const cp = { origin: 'example.com/log', size: 42n, root: ROOT };

  it('round-trips through a signed note', () => {
    const note = signCheckpoint(cp, [signer]);
    expect(note.startsWith('example.com/log\n42\n')).toBe(true);
    const opened = openCheckpoint(note, [verifier], 'example.com/log');
    expect(opened.checkpoint).toEqual({ ...cp, extensions: [] });
    expect(opened.note.verifiedBy).toEqual([verifier]);
  });

  it('checks the origin and the signature', () => {
    const note = signCheckpoint(cp, [signer]);
    expect(() => openCheckpoint(note, [verifier], 'example.com/other')).toThrow(
      ledgerError('ORIGIN_MISMATCH'),
    );
    expect(() => openCheckpoint(note.replace('\n42\n', '\n43\n'), [verifier])).toThrow(
      ledgerError('BAD_SIGNATURE'),
    );
    const stranger = parseVerifierKey(generateSignerKey('example.com/log').verifierKey);
    expect(() => openCheckpoint(note, [stranger])).toThrow(ledgerError('NO_VERIFIED_SIGNATURE'));
  });

  it('rejects a validly signed note whose body is not a checkpoint', () => {
    const note = signNote('example.com/log\n042\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', [
      signer,
    ]);
    expect(() => openCheckpoint(note, [verifier])).toThrow(ledgerError('MALFORMED_CHECKPOINT'));
  });
});
