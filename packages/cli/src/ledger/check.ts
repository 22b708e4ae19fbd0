/**
 * `concord ledger check`: the node's own audit of its stored log (entries, subtree hashes,
 * checkpoints, head), run against the database directly, e.g. after a restore.
 */
import type { LedgerCheckReport } from '@concord/server';
import { configFrom, withDeps, type DbOptions } from '../context';
import { CliError } from '../errors';

export function formatReport(report: LedgerCheckReport): string {
  if (report.ok) return `ledger ok: ${report.size} entries\n`;
  const n = report.problems.length;
  return (
    `ledger check: ${n} problem${n === 1 ? '' : 's'} in a log of ${report.size} entries\n` +
    report.problems.map((p) => `  ${p.message}\n`).join('')
  );
}

export async function checkLocalLedger(opts: DbOptions): Promise<void> {
  const { checkLedger } = await import('@concord/server');
  const report = await withDeps(configFrom(opts), (deps) => checkLedger(deps.database.db));
  process.stdout.write(formatReport(report));
  const first = report.problems[0];
  if (!report.ok) {
    const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
    throw new CliError(`ledger check failed: ${first?.message ?? 'unknown problem'}${more}`);
  }
}
