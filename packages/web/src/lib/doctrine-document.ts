/**
 * The doctrine document a participant signs in the browser (DSSE payload of type
 * application/vnd.concord.doctrine+json), and the checks a reader's browser makes on a
 * published version: the envelope's signature, and that the page shows what was signed.
 */
import {
  base64ToBytes,
  ed25519StatementSigner,
  signStatement,
  verifyCommitment,
  verifyStatement,
} from '@concord/ledger';
import type { Envelope } from '@concord/ledger';
import { explainLedgerError } from './ledger';
import type { DecodedLeaf } from './ledger';

export const DOCTRINE_TYPE = 'application/vnd.concord.doctrine+json';

export type Visibility = 'public' | 'community';

export interface CommitmentInput {
  normId: string;
  statement: string;
  conditions: string;
}

export interface DoctrineInput {
  participantId: string;
  /** The latest published version, 0 when there is none yet. */
  latestVersion: number;
  title: string;
  summary: string;
  redLines: readonly string[];
  thresholds: readonly string[];
  permissibleDefence: readonly string[];
  commitments: readonly CommitmentInput[];
  visibility: Visibility;
}

export interface DoctrineDocument {
  participantId: string;
  version: number;
  title: string;
  summary: string;
  redLines: string[];
  thresholds: string[];
  permissibleDefence: string[];
  commitments: { normId: string; statement: string; conditions?: string }[];
  visibility: Visibility;
  previousVersion?: number;
}

/** Lines of a "one per line" text area: trimmed, blank lines dropped. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The next version's document, trimmed; conditions appear only when there are some. */
export function buildDoctrineDocument(input: DoctrineInput): DoctrineDocument {
  const version = input.latestVersion + 1;
  return {
    participantId: input.participantId,
    version,
    title: input.title.trim(),
    summary: input.summary.trim(),
    redLines: input.redLines.map((s) => s.trim()).filter(Boolean),
    thresholds: input.thresholds.map((s) => s.trim()).filter(Boolean),
    permissibleDefence: input.permissibleDefence.map((s) => s.trim()).filter(Boolean),
    commitments: input.commitments.map((c) => {
      const conditions = c.conditions.trim();
      return {
        normId: c.normId,
        statement: c.statement.trim(),
        ...(conditions ? { conditions } : {}),
      };
    }),
    visibility: input.visibility,
    ...(input.latestVersion > 0 ? { previousVersion: input.latestVersion } : {}),
  };
}

/** Signs the document with the seed (Ed25519, DSSE over its RFC 8785 canonical JSON). */
export function signDoctrine(document: DoctrineDocument, seed: Uint8Array): Envelope {
  return signStatement(DOCTRINE_TYPE, document, ed25519StatementSigner(seed));
}

export interface PublishedVersion {
  participant: { id: string };
  version: number;
  title: string;
  summary: string;
  redLines: readonly string[];
  thresholds: readonly string[];
  permissibleDefence: readonly string[];
  commitments: readonly { normId: string; statement: string; conditions: string | null }[];
  visibility: string;
  envelope: Envelope;
}

export type SignatureCheck =
  | { status: 'verified'; keyId: string }
  | { status: 'unknown-key'; keyId: string }
  | { status: 'failed'; reason: string };

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The first field where the page's copy differs from the signed document, or null. */
function firstDifference(v: PublishedVersion, signed: unknown): string | null {
  if (typeof signed !== 'object' || signed === null) return 'the signed payload is not a document';
  const d = signed as Partial<DoctrineDocument>;
  if (d.participantId !== v.participant.id) return 'participant';
  if (d.version !== v.version) return 'version';
  if (d.title !== v.title) return 'title';
  if (d.summary !== v.summary) return 'summary';
  if (!Array.isArray(d.redLines) || !same(d.redLines, v.redLines)) return 'red lines';
  if (!Array.isArray(d.thresholds) || !same(d.thresholds, v.thresholds)) return 'thresholds';
  if (!Array.isArray(d.permissibleDefence) || !same(d.permissibleDefence, v.permissibleDefence)) {
    return 'legitimate defence';
  }
  if (d.visibility !== v.visibility) return 'visibility';
  const commitments = Array.isArray(d.commitments) ? d.commitments : [];
  if (commitments.length !== v.commitments.length) return 'commitments';
  for (const [i, c] of commitments.entries()) {
    const shown = v.commitments[i];
    if (
      !shown ||
      c.normId !== shown.normId ||
      c.statement !== shown.statement ||
      (c.conditions?.trim() || null) !== shown.conditions
    ) {
      return `commitment to ${shown?.normId ?? c.normId}`;
    }
  }
  return null;
}

/**
 * Verifies a published version's envelope with the participant's registered public keys
 * (keyid → raw key) and checks that every field shown is the signed one.
 */
export function checkSignedVersion(
  v: PublishedVersion,
  keyFor: (keyId: string) => Uint8Array | null,
): SignatureCheck {
  const keyId = v.envelope.signatures[0]?.keyid ?? '';
  if (!v.envelope.signatures.some((s) => keyFor(s.keyid) !== null)) {
    return { status: 'unknown-key', keyId };
  }
  let payload: unknown;
  let verifiedBy: string;
  try {
    const result = verifyStatement(v.envelope, keyFor);
    if (result.payloadType !== DOCTRINE_TYPE) {
      return { status: 'failed', reason: `it is a ${result.payloadType}, not a doctrine` };
    }
    payload = result.payload;
    verifiedBy = result.keyids[0] ?? keyId;
  } catch (error) {
    return { status: 'failed', reason: explainLedgerError(error) };
  }
  const differs = firstDifference(v, payload);
  return differs === null
    ? { status: 'verified', keyId: verifiedBy }
    : { status: 'failed', reason: `the ${differs} shown is not what was signed` };
}

/**
 * Whether a ledger entry records this very version: a public version is logged in full (the
 * same envelope); a community one as a salted commitment to its envelope, which the salt the
 * server gave members must open. Returns why not, or null when it does.
 */
export function ledgerRecordMatches(
  version: { envelope: Envelope; ledger: { kind: string; salt: string | null } },
  leaf: DecodedLeaf | null,
): string | null {
  if (!leaf) return 'The ledger entry is not a record this browser can read.';
  if (version.ledger.kind === 'statement') {
    if (leaf.kind !== 'statement') return 'The ledger entry is not a signed statement.';
    const logged = leaf.envelope as Partial<Envelope>;
    const sameSignatures =
      Array.isArray(logged.signatures) &&
      logged.signatures.length === version.envelope.signatures.length &&
      logged.signatures.every(
        (s, i) =>
          s.keyid === version.envelope.signatures[i]?.keyid &&
          s.sig === version.envelope.signatures[i]?.sig,
      );
    return logged.payload === version.envelope.payload &&
      logged.payloadType === version.envelope.payloadType &&
      sameSignatures
      ? null
      : 'The ledger entry holds a different statement.';
  }
  if (leaf.kind !== 'commitment') return 'The ledger entry is not a sealed commitment.';
  if (!version.ledger.salt) return 'The salt that opens the commitment was not given.';
  try {
    verifyCommitment(
      leaf.commitment,
      base64ToBytes(version.ledger.salt),
      DOCTRINE_TYPE,
      version.envelope,
    );
  } catch (error) {
    return `The commitment in the ledger does not open to this version: ${explainLedgerError(error)}.`;
  }
  return null;
}

/**
 * Whether the signed doctrine holds this very commitment to the norm: the same statement and
 * the same conditions (none and blank alike). Returns why not, or null when it does. With
 * `ledgerRecordMatches` it ties a commitment shown outside its doctrine (the norm page) to the
 * ledger entry of the version it comes from.
 */
export function signedCommitmentDiffers(
  envelope: Envelope,
  normId: string,
  shown: { statement: string; conditions: string | null },
): string | null {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder().decode(base64ToBytes(envelope.payload)));
  } catch {
    return 'The signed doctrine could not be read.';
  }
  const commitments =
    typeof document === 'object' && document !== null
      ? (document as { commitments?: unknown }).commitments
      : undefined;
  const signed = Array.isArray(commitments)
    ? (commitments as unknown[]).find(
        (c): c is { normId: string; statement?: unknown; conditions?: unknown } =>
          typeof c === 'object' && c !== null && (c as { normId?: unknown }).normId === normId,
      )
    : undefined;
  if (!signed) return `The signed doctrine has no commitment to ${normId}.`;
  const conditions =
    typeof signed.conditions === 'string' ? signed.conditions.trim() || null : null;
  if (signed.statement !== shown.statement || conditions !== (shown.conditions?.trim() || null)) {
    return `The commitment shown is not the one signed in the doctrine.`;
  }
  return null;
}
