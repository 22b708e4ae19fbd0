/**
 * The intel module's background work, in every server process: large TAXII envelopes
 * (status 'pending', TAXII 2.1 §4.3), then the full-text indexing of what was added
 * (search-index.ts), and once a minute a look at whether the planner's statistics are stale
 * (refreshStaleStatistics).
 *
 * Envelopes: a status is claimed with FOR UPDATE SKIP LOCKED, and the objects and
 * the completed status are written in one transaction, so a crash leaves the status pending
 * and a later claim (after `STALE_CLAIM_MS`) processes it again — stored versions are
 * recognised, so nothing is stored twice.
 */
import type { Deps } from '../../deps';
import {
  ANALYZE_AFTER,
  addParsed,
  envelopeElements,
  refreshStaleStatistics,
  refreshStatistics,
} from './ingest';
import type { Audience } from './prepare';
import { drainSearchIndex } from './search-index';
import { claimPendingStatus, completeStatus } from './status-store';

const STALE_CLAIM_MS = 10 * 60_000;
const POLL_MS = 5_000;
/** How often the job looks whether the planner's statistics are stale. */
const STATISTICS_EVERY_MS = 60_000;

/** Processes pending envelopes until none is left; returns how many were processed. */
export async function processPendingEnvelopes(deps: Deps): Promise<number> {
  let processed = 0;
  for (;;) {
    const staleBefore = new Date(deps.clock.now().getTime() - STALE_CLAIM_MS);
    const job = await claimPendingStatus(deps.database.db, staleBefore);
    if (!job) return processed;
    const audience = (job.options as { audience: Audience }).audience;
    const { values } = envelopeElements(job.body);
    await deps.database.transaction(async (tx) => {
      const r = await addParsed(
        tx,
        { collectionId: job.collectionId, participantId: job.participantId, userId: job.userId },
        audience,
        values,
      );
      await completeStatus(tx, job.id, {
        totalCount: values.length,
        successes: r.successes,
        failures: r.failures,
      });
    });
    processed += 1;
    if (values.length >= ANALYZE_AFTER) await refreshStatistics(deps.database);
  }
}

let wake: (() => void) | null = null;

/** Asks this process's job to look for pending envelopes and unindexed versions now. */
export function wakeIntelJobs(): void {
  wake?.();
}

/** Starts the job; returns a function that stops it and waits for the current run. */
export function startIntelJobs(deps: Deps, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let statisticsCheckedAt = -Infinity;
  const statistics = async () => {
    const now = deps.clock.now().getTime();
    if (now - statisticsCheckedAt < STATISTICS_EVERY_MS) return;
    statisticsCheckedAt = now;
    await refreshStaleStatistics(deps.database);
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = processPendingEnvelopes(deps)
      .then(() => drainSearchIndex(deps.database))
      .then(statistics)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  wake = () => setImmediate(run);
  const timer = setInterval(run, POLL_MS);
  timer.unref();
  run();
  return async () => {
    stopped = true;
    clearInterval(timer);
    wake = null;
    await running;
  };
}
