/** Explicit allow-lists of what the doctrine API returns. */
import type { Envelope } from '@concord/ledger';
import type { ParticipantKind } from '../../auth/roles';
import type { Visibility } from './document';
import type { CommitmentRow, ParticipantRefRow, VersionWithRefs } from './store';

export interface DoctrineParticipant {
  id: string;
  name: string;
  shortName: string | null;
  kind: ParticipantKind;
  countryCode: string | null;
}

/**
 * Where the version is on the record. A public version is logged in full (`statement`); a
 * community one as a salted commitment to its envelope (`commitment`), which `salt` opens.
 */
export interface LedgerRef {
  kind: 'statement' | 'commitment';
  queueId: number;
  /** Null until the sequencer has logged it. */
  index: number | null;
}

export interface CommitmentView {
  normId: string;
  normTitle: string | null;
  statement: string;
  /** Null when the commitment is unconditional. */
  conditions: string | null;
}

export interface DoctrineSummaryView {
  id: string;
  participant: DoctrineParticipant;
  version: number;
  title: string;
  summary: string;
  visibility: Visibility;
  redLineCount: number;
  commitmentCount: number;
  normIds: string[];
  publishedAt: string;
  ledger: LedgerRef;
}

export interface DoctrineVersionView {
  id: string;
  participant: DoctrineParticipant;
  version: number;
  previousVersion: number | null;
  title: string;
  summary: string;
  redLines: string[];
  thresholds: string[];
  permissibleDefence: string[];
  commitments: CommitmentView[];
  visibility: Visibility;
  keyId: string;
  envelope: Envelope;
  publishedAt: string;
  publishedByUser: string | null;
  ledger: LedgerRef & { salt: string | null };
}

export const presentParticipant = (p: ParticipantRefRow): DoctrineParticipant => ({
  id: p.id,
  name: p.name,
  shortName: p.shortName,
  kind: p.kind as ParticipantKind,
  countryCode: p.countryCode,
});

const ledgerOf = (v: VersionWithRefs): LedgerRef => ({
  kind: v.ledgerSalt === null ? 'statement' : 'commitment',
  queueId: v.ledgerQueueId,
  index: v.ledgerIndex,
});

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const presentCommitment = (c: CommitmentRow): CommitmentView => ({
  normId: c.normId,
  normTitle: c.normTitle,
  statement: c.statement,
  conditions: c.conditions === '' ? null : c.conditions,
});

export function presentSummary(
  v: VersionWithRefs,
  commitments: CommitmentRow[],
): DoctrineSummaryView {
  return {
    id: v.id,
    participant: presentParticipant(v.participant),
    version: v.version,
    title: v.title,
    summary: v.summary,
    visibility: v.visibility as Visibility,
    redLineCount: strings(v.redLines).length,
    commitmentCount: commitments.length,
    normIds: commitments.map((c) => c.normId),
    publishedAt: v.publishedAt.toISOString(),
    ledger: ledgerOf(v),
  };
}

export function presentVersion(
  v: VersionWithRefs,
  commitments: CommitmentRow[],
): DoctrineVersionView {
  return {
    id: v.id,
    participant: presentParticipant(v.participant),
    version: v.version,
    previousVersion: v.version > 1 ? v.version - 1 : null,
    title: v.title,
    summary: v.summary,
    redLines: strings(v.redLines),
    thresholds: strings(v.thresholds),
    permissibleDefence: strings(v.permissibleDefence),
    commitments: commitments.map(presentCommitment),
    visibility: v.visibility as Visibility,
    keyId: v.keyId,
    envelope: v.envelope as Envelope,
    publishedAt: v.publishedAt.toISOString(),
    publishedByUser: v.publishedByUser,
    ledger: { ...ledgerOf(v), salt: v.ledgerSalt },
  };
}
