/** Verifying one entry in the browser: leaf hash, inclusion proof, checkpoint, statement signature. */
import {
  bytesEqual,
  bytesToHex,
  leafHash,
  parseVerifierKey,
  statementKeyId,
  verifyInclusion,
  verifyStatement,
} from '@concord/ledger';
import { explainLedgerError, plural, shortHex, tryBase64 } from './format';
import { checkCheckpoint } from './checkpoint';
import type { DecodedLeaf } from './entries';
import { decodeLeaf } from './entries';

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
