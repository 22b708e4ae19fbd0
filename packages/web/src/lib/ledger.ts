/**
 * What the browser itself checks about the ledger, and how log records read to a person. Pure
 * functions over the server's answers: nothing here takes the server's word for a hash, a
 * proof or a signature; it recomputes them with @concord/ledger.
 */
import {
  base64ToBytes,
  bytesEqual,
  bytesToHex,
  isLedgerError,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  statementKeyId,
  verifyConsistency,
  verifyInclusion,
  verifyStatement,
} from '@concord/ledger';

export const KEY_EVENT_TYPE = 'application/vnd.concord.key-event+json';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const plural = (n: number | bigint, one: string, many: string): string =>
  `${n.toLocaleString('en')} ${n === 1 || n === 1n ? one : many}`;

/** Bytes from the server's base64, or null when it is not valid base64. */
export function tryBase64(text: string): Uint8Array | null {
  try {
    return base64ToBytes(text);
  } catch {
    return null;
  }
}

/** A base64 hash (a root, a leaf hash) as lowercase hex, the usual way to read one out. */
export function base64ToHex(text: string): string {
  const bytes = tryBase64(text);
  return bytes ? bytesToHex(bytes) : text;
}

/** The first characters of a long hex string, enough to tell two apart at a glance. */
export function shortHex(hex: string, length = 12): string {
  return hex.length > length + 1 ? `${hex.slice(0, length)}…` : hex;
}

/** An entry index from the address bar (`/entries/12`, `?before=12`), or undefined. */
export function parseIndex(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^(0|[1-9][0-9]{0,14})$/.test(value)) {
    return undefined;
  }
  return Number(value);
}

/** A ledger error (or any other) in a few plain words, to follow "because". */
export function explainLedgerError(error: unknown): string {
  if (isLedgerError(error)) {
    switch (error.code) {
      case 'ROOT_MISMATCH':
        return 'the hashes do not lead to the expected root';
      case 'PROOF_WRONG_LENGTH':
        return 'the proof has the wrong number of hashes for this tree';
      case 'INDEX_OUT_OF_RANGE':
        return 'the entry lies outside the tree the proof is for';
      case 'INVALID_HASH_LENGTH':
        return 'a hash is not 32 bytes long';
      case 'BAD_SIGNATURE':
        return 'the signature does not match the signed text';
      case 'NO_VERIFIED_SIGNATURE':
        return 'it carries no signature by the node’s key';
      case 'UNKNOWN_KEY':
        return 'it is not signed by a key this browser knows';
      case 'ORIGIN_MISMATCH':
        return 'it names a different log';
      case 'MALFORMED_KEY':
        return 'the verifier key is malformed';
      case 'MALFORMED_NOTE':
      case 'MALFORMED_CHECKPOINT':
        return 'the checkpoint is malformed';
      case 'MALFORMED_ENVELOPE':
        return 'the signed envelope is malformed';
      case 'SIZE_ORDER':
        return 'the log is smaller than it was';
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : 'of an unexpected error';
}

// ---------------------------------------------------------------------------------------------
// Signed checkpoints
// ---------------------------------------------------------------------------------------------

export interface VerifiedCheckpoint {
  origin: string;
  size: bigint;
  root: Uint8Array;
  /** The node key that signed it, as `name+keyid`. */
  signedBy: string;
}

export type CheckpointCheck =
  { ok: true; checkpoint: VerifiedCheckpoint } | { ok: false; reason: string };

/**
 * Opens a signed checkpoint note with the node's verifier key: the Ed25519 signature must
 * verify and the origin line must name the log. Witness cosignatures are other keys'
 * signatures; they are ignored here, as the signed-note spec says.
 */
export function checkCheckpoint(
  note: string,
  verifierKey: string,
  origin: string,
): CheckpointCheck {
  try {
    const verifier = parseVerifierKey(verifierKey);
    const { checkpoint } = openCheckpoint(note, [verifier], origin);
    return {
      ok: true,
      checkpoint: {
        origin: checkpoint.origin,
        size: checkpoint.size,
        root: checkpoint.root,
        signedBy: `${verifier.name}+${verifier.keyId.toString(16).padStart(8, '0')}`,
      },
    };
  } catch (error) {
    return { ok: false, reason: explainLedgerError(error) };
  }
}

/**
 * The log head as the node states it (size, root) must be what its signed checkpoint says;
 * otherwise the page would show numbers nobody signed.
 */
export function checkHead(head: {
  origin: string;
  verifierKey: string;
  size: number;
  root: string;
  checkpoint: string;
}): CheckpointCheck {
  const result = checkCheckpoint(head.checkpoint, head.verifierKey, head.origin);
  if (!result.ok) return result;
  const root = tryBase64(head.root);
  if (
    result.checkpoint.size !== BigInt(head.size) ||
    !root ||
    !bytesEqual(root, result.checkpoint.root)
  ) {
    return { ok: false, reason: 'the signed checkpoint is for another tree than the one stated' };
  }
  return result;
}

export interface SignatureLine {
  /** The key name: the log's origin for the node, a witness's name for a cosignature. */
  name: string;
  /** The rest of the line: base64 of the key ID and the signature. */
  signature: string;
}

/** A signed-note signature line, "— <name> <base64>", split for display. */
export function parseSignatureLine(line: string): SignatureLine {
  const body = line.startsWith('\u2014 ') ? line.slice(2) : line;
  const space = body.indexOf(' ');
  return space < 0
    ? { name: body, signature: '' }
    : { name: body.slice(0, space), signature: body.slice(space + 1) };
}

// ---------------------------------------------------------------------------------------------
// Log records: what each leaf holds
// ---------------------------------------------------------------------------------------------

export type DecodedLeaf =
  | {
      kind: 'statement';
      payloadType: string;
      /** The DSSE envelope, as logged. */
      envelope: unknown;
      keyIds: string[];
      /** The statement itself; undefined when the payload is not JSON. */
      payload: unknown;
    }
  | { kind: 'commitment'; payloadType: string; commitment: string };

function decodePayload(base64: unknown): unknown {
  if (typeof base64 !== 'string') return undefined;
  const bytes = tryBase64(base64);
  if (!bytes) return undefined;
  try {
    return JSON.parse(utf8.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads a leaf's bytes: a signed statement `{concord: 1, kind: 'statement', envelope}` or a
 * salted commitment `{concord: 1, kind: 'commitment', payloadType, commitment}`. Null for
 * anything else.
 */
export function decodeLeaf(data: Uint8Array): DecodedLeaf | null {
  let record: unknown;
  try {
    record = JSON.parse(utf8.decode(data)) as unknown;
  } catch {
    return null;
  }
  if (!isRecord(record) || record.concord !== 1) return null;
  if (record.kind === 'commitment') {
    const { payloadType, commitment } = record;
    if (typeof payloadType !== 'string' || typeof commitment !== 'string') return null;
    return { kind: 'commitment', payloadType, commitment };
  }
  if (record.kind !== 'statement' || !isRecord(record.envelope)) return null;
  const { envelope } = record;
  if (typeof envelope.payloadType !== 'string') return null;
  const signatures = Array.isArray(envelope.signatures) ? (envelope.signatures as unknown[]) : [];
  return {
    kind: 'statement',
    payloadType: envelope.payloadType,
    envelope,
    keyIds: signatures.flatMap((s) =>
      isRecord(s) && typeof s.keyid === 'string' ? [s.keyid] : [],
    ),
    payload: decodePayload(envelope.payload),
  };
}

export interface KeyEventKey {
  id: string;
  label: string;
  fingerprint: string;
  publicKey: string;
  algorithm: string;
}

/** Key transparency: the node logs every registration, rotation and revocation of a key. */
export interface KeyEvent {
  event: 'register' | 'revoke' | 'rotate';
  participant: { id: string; name: string; kind: string; countryCode: string | null };
  key: KeyEventKey;
  previousKey?: KeyEventKey;
  reason?: string;
  at: string;
}

const isKey = (value: unknown): value is KeyEventKey =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.label === 'string' &&
  typeof value.fingerprint === 'string' &&
  typeof value.publicKey === 'string' &&
  typeof value.algorithm === 'string';

/** The payload as a key event, if it is one (and well formed); otherwise null. */
export function asKeyEvent(payloadType: string, payload: unknown): KeyEvent | null {
  if (payloadType !== KEY_EVENT_TYPE || !isRecord(payload)) return null;
  const { event, participant, key, previousKey, reason, at } = payload;
  if (event !== 'register' && event !== 'revoke' && event !== 'rotate') return null;
  if (
    !isRecord(participant) ||
    typeof participant.id !== 'string' ||
    typeof participant.name !== 'string' ||
    typeof participant.kind !== 'string'
  ) {
    return null;
  }
  if (!isKey(key) || typeof at !== 'string') return null;
  if (previousKey !== undefined && !isKey(previousKey)) return null;
  if (reason !== undefined && typeof reason !== 'string') return null;
  return {
    event,
    participant: {
      id: participant.id,
      name: participant.name,
      kind: participant.kind,
      countryCode: typeof participant.countryCode === 'string' ? participant.countryCode : null,
    },
    key,
    ...(previousKey ? { previousKey } : {}),
    ...(reason !== undefined ? { reason } : {}),
    at,
  };
}

const KEY_EVENT_VERBS: Record<KeyEvent['event'], string> = {
  register: 'Key registered',
  revoke: 'Key revoked',
  rotate: 'Key rotated',
};

/** One line, e.g. "Key registered: Kenya signing key (demo)". */
export function describeKeyEvent(event: KeyEvent): string {
  const what = `${KEY_EVENT_VERBS[event.event]}: ${event.key.label}`;
  return event.event === 'rotate' && event.previousKey
    ? `${what} (replaces ${event.previousKey.label})`
    : what;
}

/** What a log entry is, in words where the record says enough, else its payload type. */
export function describeEntry(
  entry: { kind: 'statement' | 'commitment'; payloadType: string },
  leaf: DecodedLeaf | null,
): string {
  if (leaf?.kind === 'statement') {
    const event = asKeyEvent(leaf.payloadType, leaf.payload);
    if (event) return describeKeyEvent(event);
  }
  return entry.kind === 'commitment'
    ? `Sealed record (commitment): ${entry.payloadType}`
    : entry.payloadType;
}

// ---------------------------------------------------------------------------------------------
// Verifying one entry
// ---------------------------------------------------------------------------------------------

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface VerificationStep {
  id: 'leaf' | 'inclusion' | 'signature' | 'checkpoint' | 'statement';
  label: string;
  status: StepStatus;
  detail: string;
}

export interface EntryEvidence {
  index: number;
  /** base64, as the server lists it. */
  leafHash: string;
  /** base64 of the leaf data. */
  data: string;
  proof: { treeSize: number; root: string; hashes: string[] };
  /** The signed checkpoint note the proof is against. */
  checkpoint: string;
}

export interface EntryVerification {
  steps: VerificationStep[];
  /** The entry is in the log the node signed: the first four steps passed. */
  included: boolean;
  /** Nothing failed, including the statement's own signature when it could be checked. */
  verified: boolean;
}

/** Public keys for statement key ids; null when this browser does not know the key. */
export type StatementKeyLookup = (keyId: string) => { publicKey: Uint8Array; owner: string } | null;

/** The node signs its own statements (key events) with its checkpoint key. */
export function nodeStatementKey(
  verifierKey: string,
): { keyId: string; publicKey: Uint8Array } | null {
  try {
    const { publicKey } = parseVerifierKey(verifierKey);
    return { keyId: statementKeyId(publicKey), publicKey };
  } catch {
    return null;
  }
}

function leafStep(
  entry: EntryEvidence,
  data: Uint8Array | null,
): [VerificationStep, Uint8Array | null] {
  const label = 'The record matches its leaf hash';
  const claimed = tryBase64(entry.leafHash);
  if (!data || !claimed) {
    return [
      {
        id: 'leaf',
        label,
        status: 'failed',
        detail: 'The record or its leaf hash could not be decoded.',
      },
      null,
    ];
  }
  const computed = leafHash(data);
  if (!bytesEqual(computed, claimed)) {
    return [
      {
        id: 'leaf',
        label,
        status: 'failed',
        detail: `The ${plural(data.length, 'byte', 'bytes')} of the record hash to ${shortHex(bytesToHex(computed))}, but the log lists ${shortHex(bytesToHex(claimed))} for entry ${entry.index}.`,
      },
      computed,
    ];
  }
  return [
    {
      id: 'leaf',
      label,
      status: 'passed',
      detail: `SHA-256 of the ${plural(data.length, 'byte', 'bytes')} of the record (RFC 9162 leaf hash) is ${shortHex(bytesToHex(computed))}, the hash the log holds for entry ${entry.index}.`,
    },
    computed,
  ];
}

function inclusionStep(entry: EntryEvidence, leaf: Uint8Array | null): VerificationStep {
  const label = 'The inclusion proof leads to the tree’s root';
  const { treeSize, root, hashes } = entry.proof;
  const rootBytes = tryBase64(root);
  const proof = hashes.map(tryBase64);
  if (!leaf || !rootBytes || proof.some((h) => h === null)) {
    return { id: 'inclusion', label, status: 'failed', detail: 'The proof could not be decoded.' };
  }
  try {
    verifyInclusion(leaf, BigInt(entry.index), BigInt(treeSize), proof as Uint8Array[], rootBytes);
  } catch (error) {
    return {
      id: 'inclusion',
      label,
      status: 'failed',
      detail: `The proof fails because ${explainLedgerError(error)}.`,
    };
  }
  return {
    id: 'inclusion',
    label,
    status: 'passed',
    detail: `${plural(hashes.length, 'sibling hash leads', 'sibling hashes lead')} from entry ${entry.index} to the root ${shortHex(bytesToHex(rootBytes))} of the tree of ${plural(treeSize, 'entry', 'entries')}.`,
  };
}

function statementStep(leaf: DecodedLeaf | null, lookup: StatementKeyLookup): VerificationStep {
  const label = 'The statement’s signature verifies';
  if (leaf?.kind === 'commitment') {
    return {
      id: 'statement',
      label,
      status: 'skipped',
      detail:
        'A sealed record: the log holds only a salted hash of it, so there is no signature to check here.',
    };
  }
  if (!leaf) {
    return {
      id: 'statement',
      label,
      status: 'skipped',
      detail: 'The record is not a signed statement this browser can read.',
    };
  }
  const known = leaf.keyIds.map((id) => ({ id, key: lookup(id) })).find((k) => k.key !== null);
  if (!known?.key) {
    return {
      id: 'statement',
      label,
      status: 'skipped',
      detail: 'Not checked: this browser does not have the public key that signed it.',
    };
  }
  const { key } = known;
  try {
    verifyStatement(leaf.envelope, (id) => (id === known.id ? key.publicKey : null));
  } catch (error) {
    return {
      id: 'statement',
      label,
      status: 'failed',
      detail: `The Ed25519 signature by ${key.owner} fails because ${explainLedgerError(error)}.`,
    };
  }
  return {
    id: 'statement',
    label,
    status: 'passed',
    detail: `Ed25519 signature by ${key.owner} (key ${shortHex(known.id)}).`,
  };
}

/**
 * Checks, step by step, that an entry is in the log the node signed:
 *  1. its data hashes to its leaf hash;
 *  2. the inclusion proof leads from that leaf to the proof's root;
 *  3. the checkpoint note is signed with the node's verifier key (and names the log);
 *  4. the checkpoint commits to the same tree size and root as the proof;
 * and, where the browser knows the signing key, 5. the statement's own signature.
 */
export function verifyEntry(
  entry: EntryEvidence,
  log: { verifierKey: string; origin: string },
  lookup: StatementKeyLookup = () => null,
): EntryVerification {
  const data = tryBase64(entry.data);
  const [leaf, computedLeaf] = leafStep(entry, data);
  const inclusion = inclusionStep(entry, computedLeaf);

  const opened = checkCheckpoint(entry.checkpoint, log.verifierKey, log.origin);
  const signature: VerificationStep = opened.ok
    ? {
        id: 'signature',
        label: 'The checkpoint is signed by this node',
        status: 'passed',
        detail: `The Ed25519 signature verifies with the node’s key ${opened.checkpoint.signedBy}.`,
      }
    : {
        id: 'signature',
        label: 'The checkpoint is signed by this node',
        status: 'failed',
        detail: `The checkpoint is not accepted because ${opened.reason}.`,
      };

  const checkpointLabel = 'The signed checkpoint is for the same tree';
  let checkpoint: VerificationStep;
  if (!opened.ok) {
    checkpoint = {
      id: 'checkpoint',
      label: checkpointLabel,
      status: 'skipped',
      detail: 'Not checked: an unsigned checkpoint proves nothing.',
    };
  } else {
    const { size, root } = opened.checkpoint;
    const proofRoot = tryBase64(entry.proof.root);
    const sameSize = size === BigInt(entry.proof.treeSize);
    const sameRoot = proofRoot !== null && bytesEqual(root, proofRoot);
    checkpoint =
      sameSize && sameRoot
        ? {
            id: 'checkpoint',
            label: checkpointLabel,
            status: 'passed',
            detail: `It commits to ${plural(size, 'entry', 'entries')} with root ${shortHex(bytesToHex(root))}, the tree the proof leads to.`,
          }
        : {
            id: 'checkpoint',
            label: checkpointLabel,
            status: 'failed',
            detail: sameSize
              ? `It commits to root ${shortHex(bytesToHex(root))}, not to the proof’s root.`
              : `It is for a tree of ${plural(size, 'entry', 'entries')}, but the proof is for ${plural(entry.proof.treeSize, 'entry', 'entries')}.`,
          };
  }

  const decoded = data ? decodeLeaf(data) : null;
  const statement = statementStep(decoded, lookup);
  const steps = [leaf, inclusion, signature, checkpoint, statement];
  const included = steps.slice(0, 4).every((step) => step.status === 'passed');
  return { steps, included, verified: included && statement.status !== 'failed' };
}

// ---------------------------------------------------------------------------------------------
// Append-only: this browser remembers the last checkpoint it verified
// ---------------------------------------------------------------------------------------------

export interface RememberedCheckpoint {
  size: number;
  /** base64 root. */
  root: string;
  /** When this browser verified it (ISO 8601). */
  seenAt: string;
}

export type GrowthCheck =
  | { status: 'first' }
  | { status: 'unchanged'; previous: RememberedCheckpoint }
  | { status: 'needs-proof'; previous: RememberedCheckpoint }
  | { status: 'shrunk'; previous: RememberedCheckpoint }
  | { status: 'forked'; previous: RememberedCheckpoint };

/** How the current verified checkpoint relates to the one remembered from an earlier visit. */
export function compareWithRemembered(
  previous: RememberedCheckpoint | null,
  current: { size: number; root: string },
): GrowthCheck {
  if (!previous || previous.size === 0) return { status: 'first' };
  if (current.size < previous.size) return { status: 'shrunk', previous };
  if (current.size === previous.size) {
    return previous.root === current.root
      ? { status: 'unchanged', previous }
      : { status: 'forked', previous };
  }
  return { status: 'needs-proof', previous };
}

/** RFC 9162 consistency: the tree at `current` extends the one remembered, nothing rewritten. */
export function checkGrowth(
  previous: { size: number; root: string },
  current: { size: number; root: string },
  hashes: readonly string[],
): { ok: true } | { ok: false; reason: string } {
  const proof = hashes.map(tryBase64);
  const oldRoot = tryBase64(previous.root);
  const newRoot = tryBase64(current.root);
  if (!oldRoot || !newRoot || proof.some((h) => h === null)) {
    return { ok: false, reason: 'the proof could not be decoded' };
  }
  try {
    verifyConsistency(
      BigInt(previous.size),
      BigInt(current.size),
      proof as Uint8Array[],
      oldRoot,
      newRoot,
    );
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: explainLedgerError(error) };
  }
}

/** Reads what localStorage holds under a key, if it has the right shape. */
export function parseRemembered(text: string | null): RememberedCheckpoint | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (
      isRecord(value) &&
      typeof value.size === 'number' &&
      Number.isSafeInteger(value.size) &&
      value.size >= 0 &&
      typeof value.root === 'string' &&
      typeof value.seenAt === 'string'
    ) {
      return { size: value.size, root: value.root, seenAt: value.seenAt };
    }
  } catch {
    // Anything unreadable counts as nothing remembered.
  }
  return null;
}
