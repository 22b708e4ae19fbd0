/**
 * The catalogue as a file: JSON (every norm with its full version history) or CSV (one row per
 * norm, current version; RFC 4180 via csv-stringify).
 */
import { stringify } from 'csv-stringify/sync';
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { allNorms, getNorm } from './service';

export type ExportFormat = 'json' | 'csv';

export const CATALOGUE_CSV_COLUMNS = [
  'id',
  'status',
  'version',
  'title',
  'category',
  'pillar',
  'pillar_name',
  'sectors',
  'terms',
  'source',
  'ledger_index',
  'text',
] as const;

export async function exportCatalogue(
  deps: Deps,
  ctx: RequestContext,
  format: ExportFormat,
): Promise<string> {
  const norms = await allNorms(deps, ctx);
  if (format === 'csv') {
    return stringify(
      norms.map((n) => [
        n.id,
        n.status,
        n.currentVersion,
        n.current.title,
        n.current.category,
        n.current.pillar,
        n.current.pillarName,
        n.current.sectors.join(';'),
        n.current.termIds.join(';'),
        n.source ?? '',
        n.current.ledgerIndex ?? '',
        n.current.text,
      ]),
      { header: true, columns: [...CATALOGUE_CSV_COLUMNS], record_delimiter: '\r\n' },
    );
  }
  const detailed = [];
  for (const n of norms) {
    const { amendments: _amendments, ...norm } = await getNorm(deps, ctx, n.id);
    detailed.push(norm);
  }
  return (
    JSON.stringify({ exportedAt: deps.clock.now().toISOString(), norms: detailed }, null, 2) + '\n'
  );
}
