/**
 * `concord ledger prove`: one entry's inclusion in the node's signed checkpoint, checked
 * from the entry's own data (RFC 9162 §2.1.3.2), and that checkpoint's consistency with the
 * one recorded in the state file (RFC 9162 §2.1.4.2).
 */
import {
  bytesEqual,
  bytesToBase64,
  isLedgerError,
  leafHash,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
} from '@concord/ledger';
import { useNodeCrypto } from '@concord/ledger/node';
import { CliError } from '../errors';
import { HttpStatusError, LedgerHttp } from './http';
import { parseConsistencyProof, parseEntry, type ProvenEntry } from './responses';
import { LedgerState, type RecordedLog } from './state';
import {
  assertNotShrunk,
  chooseKey,
  claimedOrigin,
  openSignedCheckpoint,
  recordVerified,
  type TrustedKey,
} from './trust';

const MAX_JSON_BYTES = 1 << 20;

export interface ProveOptions {
  base: URL;
  index: bigint;
  vkey: TrustedKey | undefined;
  stateFile: string;
}

async function fetchEntry(http: LedgerHttp, index: bigint): Promise<ProvenEntry> {
  const path = `api/v1/ledger/entries/${index}`;
  try {
    return parseEntry(http.url(path), await http.json(path, MAX_JSON_BYTES));
  } catch (err) {
    if (err instanceof HttpStatusError && err.status === 404)
      throw new CliError(`entry ${index} is not in the log (GET ${err.url}: 404)`);
    throw err;
  }
}

function checkInclusion(entry: ProvenEntry, index: bigint, checkpoint: Checkpoint): void {
  const { proof } = entry;
  if (entry.index !== index)
    throw new CliError(`asked for entry ${index}, the node answered with entry ${entry.index}`);
  if (proof.treeSize !== checkpoint.size || !bytesEqual(proof.root, checkpoint.root)) {
    throw new CliError(
      `the proof is against size ${proof.treeSize} and root ${bytesToBase64(proof.root)}, but the signed checkpoint has size ${checkpoint.size} and root ${bytesToBase64(checkpoint.root)}`,
    );
  }
  // The leaf hash is recomputed from the data: the node's own leafHash field is not trusted.
  const leaf = leafHash(entry.data);
  try {
    verifyInclusion(leaf, index, checkpoint.size, proof.hashes, checkpoint.root);
  } catch (err) {
    if (!isLedgerError(err)) throw err;
    const hint = bytesEqual(leaf, entry.leafHash)
      ? err.message
      : 'its data does not hash to the leaf hash the node reports';
    throw new CliError(
      `entry ${index} is not included in the checkpoint of size ${checkpoint.size}: ${hint}`,
    );
  }
  if (!bytesEqual(leaf, entry.leafHash))
    throw new CliError(`entry ${index}: the node reports a leaf hash its data does not have`);
}

/** The signed checkpoint must extend the recorded one; the node's proof is checked, not trusted. */
async function checkConsistency(
  http: LedgerHttp,
  checkpoint: Checkpoint,
  recorded: RecordedLog,
  file: string,
): Promise<void> {
  assertNotShrunk(checkpoint, recorded, file);
  const inconsistent = (why: string) =>
    new CliError(
      `the checkpoint of size ${checkpoint.size} is inconsistent with the one of size ${recorded.size} recorded in ${file}: ${why}`,
    );
  if (recorded.size === 0n) return;
  if (recorded.size === checkpoint.size) {
    if (!bytesEqual(recorded.root, checkpoint.root)) throw inconsistent('same size, another root');
    return;
  }
  const path = `api/v1/ledger/consistency?from=${recorded.size}&to=${checkpoint.size}`;
  const hashes = parseConsistencyProof(http.url(path), await http.json(path, MAX_JSON_BYTES));
  try {
    verifyConsistency(recorded.size, checkpoint.size, hashes, recorded.root, checkpoint.root);
  } catch (err) {
    if (!isLedgerError(err)) throw err;
    throw inconsistent(err.message);
  }
}

export async function proveEntry(options: ProveOptions): Promise<void> {
  useNodeCrypto();
  const state = LedgerState.load(options.stateFile);
  const http = new LedgerHttp(options.base);
  const entry = await fetchEntry(http, options.index);
  const url = http.url(`api/v1/ledger/entries/${options.index}`);
  const origin = claimedOrigin(entry.checkpoint, url);
  const recorded = state.get(origin);
  const key = await chooseKey(http, origin, options.vkey, recorded, state);
  const checkpoint = openSignedCheckpoint(entry.checkpoint, key, origin, url);
  checkInclusion(entry, options.index, checkpoint);
  if (recorded) await checkConsistency(http, checkpoint, recorded, state.file);
  recordVerified(state, checkpoint, key, recorded, options.base);

  const rows: [string, string][] = [
    ['entry', entry.index.toString()],
    ['kind', `${entry.kind}, ${entry.payloadType}`],
    ['subject', `${entry.subjectType ?? '-'} ${entry.subjectId ?? ''}`.trim()],
    ['participant', entry.participantId ?? '-'],
    ['logged at', entry.loggedAt],
    [
      'leaf hash',
      `${bytesToBase64(leafHash(entry.data))} (recomputed from ${entry.data.length} bytes)`,
    ],
    ['checkpoint', `${checkpoint.origin}, size ${checkpoint.size}, signed by ${key.text}`],
    ['root', bytesToBase64(checkpoint.root)],
    [
      'consistency',
      recorded
        ? `consistent with the recorded checkpoint of size ${recorded.size}`
        : 'first checkpoint recorded for this log',
    ],
    ['proof', `${entry.proof.hashes.length} hashes`],
  ];
  const proof = entry.proof.hashes.map(
    (h, i) => `    ${String(i).padStart(2)}  ${bytesToBase64(h)}`,
  );
  process.stdout.write(
    [...rows.map(([k, v]) => `${`${k}:`.padEnd(13)} ${v}`), ...proof, 'verified'].join('\n') + '\n',
  );
}
