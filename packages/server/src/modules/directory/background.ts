/**
 * Work that follows a committed transaction (deliveries) without holding up the answer.
 * Tracked, so tests and a graceful shutdown can wait for it to finish.
 */
const inflight = new Set<Promise<void>>();

/** Runs `work` after the caller returns; `work` must report its own failures. */
export function inBackground(work: () => Promise<void>): void {
  const p: Promise<void> = Promise.resolve()
    .then(work)
    .catch(() => {
      // Deliveries record their own outcome; an error here (the database went away during
      // shutdown) leaves the task for the next reminder run.
    })
    .finally(() => inflight.delete(p));
  inflight.add(p);
}

/** Resolves when every background delivery started so far (and any they started) is done. */
export async function settleBackground(): Promise<void> {
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
}
