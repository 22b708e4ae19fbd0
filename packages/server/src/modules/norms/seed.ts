/**
 * Loads the shipped catalogue into the database: every norm and glossary term not yet present.
 * Idempotent and safe for several processes starting together (insert … on conflict do
 * nothing); a norm inserted here is adopted as version 1 and that adoption is recorded in the
 * ledger, signed by the node, in the same transaction.
 */
import type { Deps } from '../../deps';
import { glossaryTerms, normVersions, norms } from '../../db/schema';
import { recordNodeStatement } from '../ledger/service';
import { shippedCatalogue } from './catalogue';
import { NORM_DECISION_TYPE } from './vocabulary';

export async function seedCatalogue(deps: Deps): Promise<{ norms: number; terms: number }> {
  const catalogue = shippedCatalogue();
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const terms = await tx
      .insert(glossaryTerms)
      .values(catalogue.terms.map((t) => ({ ...t, createdAt: now, updatedAt: now })))
      .onConflictDoNothing()
      .returning({ id: glossaryTerms.id });
    let added = 0;
    for (const [position, n] of catalogue.norms.entries()) {
      const inserted = await tx
        .insert(norms)
        .values({
          id: n.id,
          status: 'adopted',
          currentVersion: 1,
          source: n.source,
          position: position + 1,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: norms.id });
      if (inserted.length === 0) continue;
      added += 1;
      const version = {
        normId: n.id,
        version: 1,
        title: n.title,
        text: n.text,
        category: n.category,
        pillar: n.pillar,
        sectors: [...n.sectors],
        termIds: [...n.terms],
      };
      const pending = await recordNodeStatement(
        tx,
        deps,
        NORM_DECISION_TYPE,
        {
          decision: 'adopted',
          norm: { ...version, source: n.source },
          basis: 'shipped catalogue',
          at: now.toISOString(),
        },
        { subjectType: 'norm', subjectId: n.id },
      );
      await tx
        .insert(normVersions)
        .values({ ...version, ledgerQueueId: pending.queueId, createdAt: now });
    }
    return { norms: added, terms: terms.length };
  });
}
