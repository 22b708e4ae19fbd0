/**
 * The sequencer loop of one server process. Submissions wake it; it sequences batch after
 * batch while anything is queued (group commit: what arrives during a batch goes into the
 * next), and otherwise looks again every `batchMs` for work queued by other processes.
 * Submitters wait for their index, which is known only after the batch has committed.
 *
 * It keeps the frontier it last wrote (see `Frontier`) and reads the queue only when a
 * transactional submission woke it, the timer fired, or the last read filled a batch, so a
 * batch of direct appends costs four round trips.
 */
import type { Logger } from 'pino';
import type { Deps, LedgerRuntime } from '../../deps';
import { DomainError } from '../../errors';
import { DEFAULT_BATCH_LIMIT, sequenceBatch, type DirectEntry, type Frontier } from './sequencer';
import { entriesByQueueIds } from './store';

interface Waiter {
  resolve(idx: number): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class Sequencer implements LedgerRuntime {
  readonly #deps: Deps;
  readonly #log: Logger | null;
  readonly #batchMs: number;
  readonly #waiters = new Map<number, Waiter[]>();
  #direct: { entry: DirectEntry; resolve(idx: number): void; reject(err: Error): void }[] = [];
  #running = false;
  #stopped = false;
  #again = false;
  /** Queue rows may be waiting (set by wake(), the timer, or a batch that hit the limit). */
  #queueHint = true;
  #frontier: Frontier | null = null;
  #timer: NodeJS.Timeout | null = null;
  #immediate: NodeJS.Immediate | null = null;
  #current: Promise<void> | null = null;
  /** Called after each committed batch (witness submission, metrics). */
  onBatch: ((size: number) => void) | null = null;

  constructor(deps: Deps, options: { batchMs: number; logger?: Logger }) {
    this.#deps = deps;
    this.#batchMs = options.batchMs;
    this.#log = options.logger ?? null;
  }

  start(): void {
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#immediate) clearImmediate(this.#immediate);
    await this.#current;
    for (const [, list] of this.#waiters) {
      for (const w of list) {
        clearTimeout(w.timer);
        w.reject(new DomainError('SHUTTING_DOWN', 'The server is shutting down'));
      }
    }
    this.#waiters.clear();
    for (const d of this.#direct.splice(0)) {
      d.reject(
        new DomainError('SHUTTING_DOWN', 'The server is shutting down; the entry was not written'),
      );
    }
  }

  /**
   * Appends without a caller transaction: the entry is written by the next batch and the
   * promise resolves with its index once that batch has committed (durable).
   */
  append(entry: DirectEntry): Promise<number> {
    if (this.#stopped)
      return Promise.reject(new DomainError('SHUTTING_DOWN', 'The server is shutting down'));
    return new Promise<number>((resolve, reject) => {
      this.#direct.push({ entry, resolve, reject });
      this.#kick();
    });
  }

  /** Something was queued (by this process after its transaction committed): sequence it. */
  wake(): void {
    this.#queueHint = true;
    this.#kick();
  }

  #kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    // After this turn of the event loop, so that what other callers submit in the same turn
    // joins the batch (setTimeout(0) would add a millisecond to every acknowledgement).
    this.#immediate ??= setImmediate(() => {
      this.#immediate = null;
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      if (!this.#running) this.#current = this.#run();
    });
  }

  indexOf(queueId: number, timeoutMs = 30_000): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#drop(queueId, waiter);
        reject(
          new DomainError(
            'LEDGER_TIMEOUT',
            'The ledger did not sequence the entry in time; it stays queued',
          ),
        );
      }, timeoutMs);
      timer.unref();
      const waiter: Waiter = { resolve, reject, timer };
      const list = this.#waiters.get(queueId) ?? [];
      list.push(waiter);
      this.#waiters.set(queueId, list);
      this.wake();
    });
  }

  #drop(queueId: number, waiter: Waiter): void {
    const list = this.#waiters.get(queueId)?.filter((w) => w !== waiter) ?? [];
    if (list.length) this.#waiters.set(queueId, list);
    else this.#waiters.delete(queueId);
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#queueHint = true;
      if (!this.#running) this.#current = this.#run();
    }, ms);
    this.#timer.unref();
  }

  #settle(indices: Map<number, number>): void {
    for (const [queueId, idx] of indices) {
      const list = this.#waiters.get(queueId);
      if (!list) continue;
      this.#waiters.delete(queueId);
      for (const w of list) {
        clearTimeout(w.timer);
        w.resolve(idx);
      }
    }
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      for (;;) {
        this.#again = false;
        const takeQueue = this.#queueHint;
        this.#queueHint = false;
        const direct = this.#direct.splice(0, DEFAULT_BATCH_LIMIT);
        let batch = null;
        try {
          if (takeQueue || direct.length)
            batch = await sequenceBatch(this.#deps, this.#deps.log, {
              direct: direct.map((d) => d.entry),
              takeQueue,
              frontier: this.#frontier,
            });
        } catch (err) {
          this.#frontier = null;
          this.#queueHint = true;
          for (const d of direct) d.reject(err as Error);
          throw err;
        }
        if (batch) {
          this.#frontier = batch.frontier;
          if (batch.fromQueue >= DEFAULT_BATCH_LIMIT) this.#queueHint = true;
          batch.directIndices.forEach((idx, i) => direct[i]?.resolve(idx));
          this.#settle(batch.indices);
          this.onBatch?.(batch.size);
          continue;
        }
        // Entries another process sequenced for our waiters.
        if (this.#waiters.size)
          this.#settle(await entriesByQueueIds(this.#deps.database.db, [...this.#waiters.keys()]));
        if (!this.#again && !this.#queueHint && this.#direct.length === 0) break;
      }
    } catch (err) {
      this.#log?.error({ err }, 'ledger sequencing failed; will retry');
    } finally {
      this.#running = false;
      this.#schedule(this.#batchMs);
    }
  }
}
