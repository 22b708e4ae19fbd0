/**
 * The commitments matrix: norms × participants, each cell what the participant's latest
 * (visible) doctrine says about the norm. Pure: the store supplies rows, this shapes them.
 */
import type { ParticipantKind } from '../../auth/roles';
import { toCsv } from './csv';

export type CellStatus = 'committed' | 'conditional' | 'none';

export interface MatrixNorm {
  id: string;
  title: string;
  category: string;
  pillar: number;
  status: string;
}

export interface MatrixParticipant {
  id: string;
  name: string;
  shortName: string | null;
  kind: ParticipantKind;
  countryCode: string | null;
  /** The doctrine version the column is taken from; null when none is visible. */
  version: number | null;
}

export interface MatrixCommitment {
  participantId: string;
  normId: string;
  conditions: string;
}

export interface MatrixRow {
  normId: string;
  cells: { participantId: string; status: CellStatus }[];
  totals: Record<CellStatus, number>;
}

export interface CommitmentsMatrix {
  norms: MatrixNorm[];
  participants: MatrixParticipant[];
  rows: MatrixRow[];
}

export function buildMatrix(
  norms: MatrixNorm[],
  participants: MatrixParticipant[],
  commitments: MatrixCommitment[],
): CommitmentsMatrix {
  const cell = new Map<string, CellStatus>();
  for (const c of commitments) {
    cell.set(`${c.normId}\u0000${c.participantId}`, c.conditions ? 'conditional' : 'committed');
  }
  const rows = norms.map((n) => {
    const totals: Record<CellStatus, number> = { committed: 0, conditional: 0, none: 0 };
    const cells = participants.map((p) => {
      const status = cell.get(`${n.id}\u0000${p.id}`) ?? 'none';
      totals[status] += 1;
      return { participantId: p.id, status };
    });
    return { normId: n.id, cells, totals };
  });
  return { norms, participants, rows };
}

/** Column heading for a participant: its short name, with the ISO code for states. */
const heading = (p: MatrixParticipant) =>
  p.countryCode ? `${p.shortName ?? p.name} (${p.countryCode})` : (p.shortName ?? p.name);

/** One row per norm, one column per participant; cells `committed` / `conditional` / `none`. */
export function matrixToCsv(m: CommitmentsMatrix): string {
  const header = [
    'norm_id',
    'title',
    'category',
    'pillar',
    'status',
    ...m.participants.map(heading),
  ];
  const body = m.rows.map((row, i) => {
    const n = m.norms[i];
    return [
      row.normId,
      n?.title ?? '',
      n?.category ?? '',
      n?.pillar ?? '',
      n?.status ?? '',
      ...row.cells.map((c) => c.status),
    ];
  });
  return toCsv([header, ...body]);
}
