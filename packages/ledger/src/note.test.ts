import { describe, expect, it } from 'vitest';
import { utf8Encode } from './bytes';
import { formatVerifierKey, generateSignerKey, parseSignerKey, parseVerifierKey } from './keys';
import type { NoteVerifier } from './keys';
import { openNote, signNote } from './note';
import { ledgerError } from './testing/expect';

// golang.org/x/mod/sumdb/note note_test.go.
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const PETER_B64 =
  'x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=';
const ENOCH_B64 =
  'rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=';
const PETER_SIG = `— PeterNeumann ${PETER_B64}\n`;
const ENOCH_SIG = `— EnochRoot ${ENOCH_B64}\n`;

const peter = parseVerifierKey(PETER_VKEY);
const enoch = parseVerifierKey(ENOCH_VKEY);

describe('signNote', () => {
  it('reproduces the Go signature byte for byte', () => {
    expect(signNote(TEXT, [parseSignerKey(PETER_SKEY)])).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('refuses text that could not be opened', () => {
    const signer = parseSignerKey(PETER_SKEY);
    for (const text of ['abc', 'a\rb\n', 'tab\there\n', '\ud800\n']) {
      expect(() => signNote(text, [signer])).toThrow(ledgerError('MALFORMED_NOTE'));
    }
    expect(() => signNote(TEXT, [])).toThrow(ledgerError('INVALID_ARGUMENT'));
    expect(() => signNote(TEXT, Array(101).fill(signer))).toThrow(
      ledgerError('TOO_MANY_SIGNATURES'),
    );
    expect(() => signNote(TEXT, [{ ...signer, name: 'bad name' }])).toThrow(
      ledgerError('MALFORMED_KEY'),
    );
  });
});

describe('openNote', () => {
  it('verifies one signature and keeps the unknown one aside', () => {
    const n = openNote(TEXT + '\n' + PETER_SIG + ENOCH_SIG, [peter]);
    expect(n.text).toBe(TEXT);
    expect(n.verifiedBy).toEqual([peter]);
    expect(n.signatures).toEqual([{ name: 'PeterNeumann', keyId: 0xc74f20a3, base64: PETER_B64 }]);
    expect(n.unverified).toEqual([{ name: 'EnochRoot', keyId: 0xaf0cfe78, base64: ENOCH_B64 }]);
  });

  it('verifies both with both keys, and accepts bytes', () => {
    const n = openNote(utf8Encode(TEXT + '\n' + PETER_SIG + ENOCH_SIG), [peter, enoch]);
    expect(n.verifiedBy.map((v) => v.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(n.unverified).toEqual([]);
  });

  it('rejects a note with no known signature, listing the unknown ones', () => {
    expect(() => openNote(TEXT + '\n' + PETER_SIG + ENOCH_SIG, [])).toThrow(
      ledgerError('NO_VERIFIED_SIGNATURE', { unverified: expect.any(Array) as unknown }),
    );
  });

  it('rejects changed text and a wrong key', () => {
    const changed = TEXT.replace('answer', 'Answer') + '\n' + PETER_SIG;
    expect(() => openNote(changed, [peter])).toThrow(ledgerError('BAD_SIGNATURE'));
    // Go: inserting base64 characters makes the known key's signature invalid.
    const mangled = TEXT + '\n' + PETER_SIG.slice(0, 60) + 'ABCD' + PETER_SIG.slice(60);
    expect(() => openNote(mangled, [peter])).toThrow(ledgerError('BAD_SIGNATURE'));
    // Same name, other key: a different key ID, so the signature is simply unknown.
    const other = parseVerifierKey(generateSignerKey('PeterNeumann').verifierKey);
    expect(() => openNote(TEXT + '\n' + PETER_SIG, [other])).toThrow(
      ledgerError('NO_VERIFIED_SIGNATURE'),
    );
  });

  it('rejects a forged key that claims a known name and key ID', () => {
    const impostor: NoteVerifier = { ...peter, publicKey: enoch.publicKey, verify: enoch.verify };
    expect(() => openNote(TEXT + '\n' + PETER_SIG, [impostor])).toThrow(
      ledgerError('BAD_SIGNATURE'),
    );
    expect(() => openNote(TEXT + '\n' + PETER_SIG, [peter, impostor])).toThrow(
      ledgerError('AMBIGUOUS_KEY'),
    );
    // An unused ambiguity is harmless, and listing the same key twice is not ambiguous.
    expect(openNote(TEXT + '\n' + ENOCH_SIG, [enoch, peter, impostor, enoch]).verifiedBy).toEqual([
      enoch,
    ]);
  });

  it('drops repeated signatures', () => {
    const bad = ENOCH_SIG.slice(0, 60) + 'ABCD' + ENOCH_SIG.slice(60);
    const n = openNote(TEXT + '\n' + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + bad, [peter]);
    expect(n.verifiedBy).toEqual([peter]);
    expect(n.unverified.map((s) => s.name)).toEqual(['EnochRoot', 'EnochRoot']);
  });

  it('accepts 16 and up to 100 signature lines, not 101', () => {
    const signers = Array.from({ length: 16 }, (_, i) =>
      parseSignerKey(generateSignerKey(`w${i}`).signerKey),
    );
    const note = signNote(TEXT, signers);
    const known = signers.map((s) => parseVerifierKey(formatVerifierKey(s.name, s.publicKey)));
    expect(openNote(note, known).verifiedBy.length).toBe(16);
    const unknown = Array(83).fill(ENOCH_SIG).join('');
    expect(openNote(note + PETER_SIG + unknown, [peter]).verifiedBy).toEqual([peter]);
    expect(() => openNote(note + PETER_SIG + unknown + ENOCH_SIG, [peter])).toThrow(
      ledgerError('TOO_MANY_SIGNATURES'),
    );
    expect(() => openNote(TEXT + '\n' + PETER_SIG.repeat(101), [peter])).toThrow(
      ledgerError('TOO_MANY_SIGNATURES'),
    );
  });

  it('keeps blank lines inside the text: the last one separates the signatures', () => {
    const text = 'a\n\nb\n\n';
    const signer = parseSignerKey(PETER_SKEY);
    expect(openNote(signNote(text, [signer]), [peter]).text).toBe(text);
  });

  it.each([
    [TEXT, 'no signatures'],
    [TEXT + '\n', 'empty signature block'],
    [TEXT + '\n' + PETER_SIG.slice(0, -1), 'no final newline'],
    ['\x01' + TEXT + '\n' + PETER_SIG, 'control character'],
    [TEXT.replace('\n', '\r\n') + '\n' + PETER_SIG, 'carriage return'],
    ['\ud800' + TEXT + '\n' + PETER_SIG, 'lone surrogate'],
    [TEXT + '\n' + '— Bad Name ' + PETER_B64 + '\n', 'space in name'],
    [TEXT + '\n' + PETER_SIG + 'Unexpected line.\n', 'not a signature line'],
    [TEXT + '\n' + '-- PeterNeumann ' + PETER_B64 + '\n', 'hyphens instead of em dash'],
    [TEXT + '\n' + '— PeterNeumann\n', 'no signature'],
    [TEXT + '\n' + '— PeterNeumann AAAAAA==\n', 'signature shorter than 5 bytes'],
    [TEXT + '\n' + '— PeterNeumann ' + PETER_B64.slice(0, -1) + '\n', 'bad base64'],
    [TEXT + '\n' + '—  PeterNeumann ' + PETER_B64 + '\n', 'empty name'],
  ])('rejects a malformed note (%#: %s)', (note) => {
    expect(() => openNote(note, [peter])).toThrow(ledgerError('MALFORMED_NOTE'));
  });

  it('rejects invalid UTF-8 bytes and oversized notes', () => {
    const bytes = utf8Encode('\u00ff' + TEXT + '\n' + PETER_SIG);
    bytes[0] = 0xff;
    expect(() => openNote(bytes, [peter])).toThrow(ledgerError('MALFORMED_NOTE'));
    expect(() => openNote('a'.repeat(1 << 21), [peter])).toThrow(ledgerError('MALFORMED_NOTE'));
    expect(() => openNote(42 as unknown as string, [peter])).toThrow(ledgerError('MALFORMED_NOTE'));
  });
});
