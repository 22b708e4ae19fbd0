/**
 * Which key a checkpoint must be signed by: `--vkey` if given, else the key pinned in the
 * state file for the log's origin, else (trust on first use, with a warning) the key the node
 * serves. Once a key is pinned, a node serving a different one is refused.
 */
import {
  isLedgerError,
  MAX_NOTE_BYTES,
  openCheckpoint,
  parseVerifierKey,
  type Checkpoint,
  type NoteVerifier,
} from '@concord/ledger';
import { CliError } from '../errors';
import { printable } from './text';
import type { LedgerHttp } from './http';
import type { LedgerState, RecordedLog } from './state';

export const CHECKPOINT_PATH = 'ledger/checkpoint';
export const VKEY_PATH = 'ledger/vkey';
const MAX_VKEY_BYTES = 4096;

export type KeySource = 'flag' | 'pinned' | 'first-use';

export interface TrustedKey {
  text: string;
  verifier: NoteVerifier;
  source: KeySource;
}

/** Parses `--vkey` (a usage error when malformed, before anything is fetched). */
export function parseVkeyFlag(text: string): TrustedKey {
  try {
    return { text, verifier: parseVerifierKey(text), source: 'flag' };
  } catch (err) {
    throw new CliError(`--vkey: not a note verifier key (${(err as Error).message})`, 2);
  }
}

/** The origin line of a checkpoint note, read before it is verified only to find its state. */
export function claimedOrigin(note: string, url: string): string {
  const origin = note.slice(0, note.indexOf('\n'));
  if (!origin) throw new CliError(`GET ${url}: not a checkpoint (no origin line)`);
  // Only a lookup key until the signature is checked; a checkpoint's origin has no controls.
  if (printable(origin, Infinity) !== origin)
    throw new CliError(`GET ${url}: not a checkpoint (unprintable origin line)`);
  return origin;
}

export async function chooseKey(
  http: LedgerHttp,
  origin: string,
  flag: TrustedKey | undefined,
  recorded: RecordedLog | undefined,
  state: LedgerState,
): Promise<TrustedKey> {
  if (flag) return flag;
  const served = (await http.text(VKEY_PATH, MAX_VKEY_BYTES)).trim();
  if (recorded) {
    if (served !== recorded.verifierKey) {
      throw new CliError(
        `${http.url(VKEY_PATH)} serves the verifier key ${printable(served)}, but the key pinned for ${origin} in ${state.file} is ${recorded.verifierKey}; if the log's key really changed, pass the new one with --vkey`,
      );
    }
    return {
      text: recorded.verifierKey,
      verifier: parseVerifierKey(recorded.verifierKey),
      source: 'pinned',
    };
  }
  let verifier: NoteVerifier;
  try {
    verifier = parseVerifierKey(served);
  } catch (err) {
    throw new CliError(
      `${http.url(VKEY_PATH)}: not a note verifier key (${(err as Error).message})`,
    );
  }
  process.stderr.write(
    `concord: warning: no key pinned for ${origin} in ${state.file}; trusting the key the node serves on first use: ${served}\n` +
      `concord: warning: compare it with one obtained another way, or pass it with --vkey\n`,
  );
  return { text: served, verifier, source: 'first-use' };
}

/** Verifies the note's signature by `key` and its origin; the reason names what failed. */
export function openSignedCheckpoint(
  note: string,
  key: TrustedKey,
  origin: string,
  url: string,
): Checkpoint {
  try {
    return openCheckpoint(note, [key.verifier], origin).checkpoint;
  } catch (err) {
    if (!isLedgerError(err)) throw err;
    const name = `${key.verifier.name}+${key.verifier.keyId.toString(16).padStart(8, '0')}`;
    switch (err.code) {
      case 'NO_VERIFIED_SIGNATURE':
        throw new CliError(`the checkpoint from ${url} has no signature by the key ${name}`);
      case 'BAD_SIGNATURE':
        throw new CliError(`the checkpoint from ${url} has a bad signature by the key ${name}`);
      default:
        throw new CliError(`the checkpoint from ${url} is invalid: ${err.message}`);
    }
  }
}

/** Downloads the latest checkpoint and opens it with the key chosen for its origin. */
export async function fetchCheckpoint(
  http: LedgerHttp,
  state: LedgerState,
  flag: TrustedKey | undefined,
): Promise<{ checkpoint: Checkpoint; key: TrustedKey; recorded: RecordedLog | undefined }> {
  const note = await http.text(CHECKPOINT_PATH, MAX_NOTE_BYTES);
  const url = http.url(CHECKPOINT_PATH);
  const origin = claimedOrigin(note, url);
  const recorded = state.get(origin);
  const key = await chooseKey(http, origin, flag, recorded, state);
  return { checkpoint: openSignedCheckpoint(note, key, origin, url), key, recorded };
}

/** A checkpoint smaller than the recorded one means the log lost entries: refuse. */
export function assertNotShrunk(checkpoint: Checkpoint, recorded: RecordedLog, file: string): void {
  if (checkpoint.size < recorded.size) {
    throw new CliError(
      `the log shrank: its checkpoint has ${checkpoint.size} entries, but ${file} records a verified checkpoint of ${recorded.size} for ${checkpoint.origin}`,
    );
  }
}

/** Records a verified checkpoint, pinning its key; says so when --vkey replaces a pinned key. */
export function recordVerified(
  state: LedgerState,
  checkpoint: Checkpoint,
  key: TrustedKey,
  recorded: RecordedLog | undefined,
  base: URL,
): void {
  state.save(checkpoint.origin, {
    verifierKey: key.text,
    size: checkpoint.size,
    root: checkpoint.root,
    url: base.href,
    verifiedAt: new Date().toISOString(),
  });
  if (recorded && key.text !== recorded.verifierKey) {
    process.stderr.write(
      `concord: note: pinned the --vkey key for ${checkpoint.origin} in place of ${recorded.verifierKey}\n`,
    );
  }
}
