/** C2SP signed notes (https://c2sp.org/signed-note): signing and opening. */
import {
  bytesEqual,
  bytesToBase64,
  bytesToUint32,
  concatBytes,
  hasLoneSurrogate,
  isBytes,
  tryBase64ToBytes,
  tryUtf8Decode,
  uint32ToBytes,
  utf8Encode,
} from './bytes';
import { LedgerError } from './errors';
import { hasControlChar, isArray } from './guards';
import { isValidKeyName } from './keys';
import type { NoteSigner, NoteVerifier } from './keys';

/** The spec requires accepting at least 16; Go's note package stops at 100. */
export const MAX_NOTE_SIGNATURES = 100;
/** A bound on work per note; checkpoints are a few hundred bytes. */
export const MAX_NOTE_BYTES = 1 << 20;

const SIG_PREFIX = '\u2014 '; // em dash, space

export interface NoteSignature {
  name: string;
  keyId: number;
  /** base64(key ID || signature), as it appears on the line. */
  base64: string;
}

export interface OpenedNote {
  /** The signed text, including its final newline. */
  text: string;
  /** The known keys whose signatures verified, in line order. */
  verifiedBy: NoteVerifier[];
  signatures: NoteSignature[];
  /** Signatures from keys not in the verifier list (ignored, per the spec). */
  unverified: NoteSignature[];
}

const malformed = (why: string): LedgerError => new LedgerError('MALFORMED_NOTE', why);

/** signed-note "Format": valid UTF-8, no ASCII control characters other than newline. */
function assertNoteChars(text: string): void {
  if (hasLoneSurrogate(text)) throw malformed('note: not valid Unicode');
  if (hasControlChar(text, true)) throw malformed('note: control character');
}

function assertText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw malformed('text: must be a string');
  assertNoteChars(text);
  if (!text.endsWith('\n')) throw malformed('text: must end with a newline');
}

/** Signs `text` (which must end in "\n") with each signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertText(text);
  if (!isArray(signers) || signers.length === 0) {
    throw new LedgerError('INVALID_ARGUMENT', 'signers: need at least one');
  }
  if (signers.length > MAX_NOTE_SIGNATURES) {
    throw new LedgerError('TOO_MANY_SIGNATURES', `at most ${MAX_NOTE_SIGNATURES} signatures`);
  }
  const message = utf8Encode(text);
  let lines = '';
  for (const signer of signers) {
    if (!isValidKeyName(signer.name)) throw new LedgerError('MALFORMED_KEY', 'bad key name');
    const sig = signer.sign(message);
    lines += `${SIG_PREFIX}${signer.name} ${bytesToBase64(concatBytes(uint32ToBytes(signer.keyId), sig))}\n`;
  }
  return `${text}\n${lines}`;
}

function decodeNote(note: unknown): string {
  if (isBytes(note)) {
    if (note.length > MAX_NOTE_BYTES) throw malformed('note: too large');
    const text = tryUtf8Decode(note);
    if (text === null) throw malformed('note: not valid UTF-8');
    return text;
  }
  if (typeof note !== 'string') throw malformed('note: must be a string or bytes');
  if (note.length > MAX_NOTE_BYTES) throw malformed('note: too large');
  return note;
}

function parseLine(line: string): NoteSignature & { sig: Uint8Array } {
  if (!line.startsWith(SIG_PREFIX)) throw malformed('signature line: must start with "— "');
  const rest = line.slice(SIG_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  const b64 = space < 0 ? '' : rest.slice(space + 1);
  const raw = tryBase64ToBytes(b64);
  if (!isValidKeyName(name) || raw === null || raw.length < 5) {
    throw malformed('signature line: expected "— <name> <base64(key ID || signature)>"');
  }
  return { name, keyId: bytesToUint32(raw), base64: b64, sig: raw.subarray(4) };
}

function verifierFor(verifiers: readonly NoteVerifier[], name: string, keyId: number) {
  const matches = verifiers.filter((v) => v.name === name && v.keyId === keyId);
  const first = matches[0];
  if (first && matches.some((v) => !bytesEqual(v.publicKey, first.publicKey))) {
    throw new LedgerError('AMBIGUOUS_KEY', `several keys are ${name}+${keyId.toString(16)}`);
  }
  return first;
}

/**
 * Opens a signed note. Unknown-key signatures are ignored; a known key (same name AND key
 * ID) whose signature fails rejects the whole note; no verified signature rejects it too.
 */
export function openNote(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
): OpenedNote {
  if (!isArray(verifiers)) throw new LedgerError('INVALID_ARGUMENT', 'verifiers: array');
  const msg = decodeNote(note);
  assertNoteChars(msg);
  // The text is separated from the signatures by the last empty line.
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw malformed('note: no blank line before the signatures');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) throw malformed('note: no signature lines');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) {
    throw new LedgerError('TOO_MANY_SIGNATURES', `more than ${MAX_NOTE_SIGNATURES} signatures`);
  }
  const parsed = lines.map(parseLine);
  const message = utf8Encode(text);
  const result: OpenedNote = { text, verifiedBy: [], signatures: [], unverified: [] };
  const seen = new Set<string>();
  for (const { sig, ...signature } of parsed) {
    const verifier = verifierFor(verifiers, signature.name, signature.keyId);
    const key = verifier
      ? `${signature.name} ${signature.keyId}`
      : `? ${signature.name} ${signature.base64}`;
    if (seen.has(key)) continue; // repeated signatures are dropped, as Go's note.Open does
    seen.add(key);
    if (!verifier) {
      result.unverified.push(signature);
      continue;
    }
    let ok = false;
    try {
      ok = verifier.verify(message, sig);
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new LedgerError('BAD_SIGNATURE', `invalid signature by ${signature.name}`, {
        details: { name: signature.name, keyId: signature.keyId },
      });
    }
    result.verifiedBy.push(verifier);
    result.signatures.push(signature);
  }
  if (result.verifiedBy.length === 0) {
    throw new LedgerError('NO_VERIFIED_SIGNATURE', 'no signature from a known key', {
      details: { unverified: result.unverified },
    });
  }
  return result;
}
