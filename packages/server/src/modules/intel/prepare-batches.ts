/**
 * A bundle read as batches of validated rows, for importStream: split from the byte stream
 * (./json-stream), parsed and prepared (./prepare), either on this thread or on a worker
 * thread. The worker exists for large imports: splitting, parsing and validating take more
 * of the main thread than storing does (about 60 of 90 µs per object, bench/RESULTS.md), and
 * on a worker they run beside the thread that talks to the database.
 */
import { Worker } from 'node:worker_threads';
import { splitObjects } from './json-stream';
import { JsonStreamError, type JsonStreamErrorCode } from './json-stream-error';
import { CopyBatchBuilder, type CopyBatch, type CopyContext } from './copy-batch';
import { prepareObject, type Audience, type PreparedElements } from './prepare';
import type { StatusDetail } from './status-store';
import type { NewObjectRow } from './store-write';

export interface PreparedBatch {
  /** The rows are left out (empty) when the batch comes as COPY text. */
  prepared: PreparedElements;
  /** The batch as COPY text, when BatchOptions.copy is given. */
  copy?: CopyBatch;
  /** Elements read so far, this batch included. */
  objects: number;
  /** Bytes read so far. */
  bytes: number;
}

export interface BatchSource {
  batches: AsyncGenerator<PreparedBatch>;
  /** The top-level fields of the bundle (other than "objects"), complete once read. */
  fields: () => Record<string, unknown>;
}

export interface BatchOptions {
  batchSize: number;
  maxTotalBytes?: number;
  /** Build each batch as COPY text for this add (PostgreSQL). */
  copy?: CopyContext;
}

type Source = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Splits, parses and prepares on this thread, one batch each time the consumer asks. Each
 * element is prepared (and, with `copy`, written as its COPY line) as soon as it is parsed,
 * so that no batch of parsed objects is ever held.
 */
export function preparedBatches(
  source: Source,
  audience: Audience,
  options: BatchOptions,
): BatchSource {
  const { top, objects, stats } = splitObjects(source, {
    ...(options.maxTotalBytes !== undefined ? { maxTotalBytes: options.maxTotalBytes } : {}),
  });
  // About 600 bytes a line for typical objects; the buffers grow when they need to.
  const capacity = Math.min(options.batchSize * 640, 8 * 1024 * 1024);
  async function* batches(): AsyncGenerator<PreparedBatch> {
    let rows: NewObjectRow[] = [];
    let failures: StatusDetail[] = [];
    let copy = options.copy ? new CopyBatchBuilder(options.copy, capacity) : null;
    let inBatch = 0;
    let total = 0;
    const take = (): PreparedBatch => {
      const batch: PreparedBatch = {
        prepared: { rows, failures },
        ...(copy ? { copy: copy.finish() } : {}),
        objects: total,
        bytes: stats.bytes,
      };
      rows = [];
      failures = [];
      copy = options.copy ? new CopyBatchBuilder(options.copy, capacity) : null;
      inBatch = 0;
      return batch;
    };
    for await (const o of objects) {
      total += 1;
      inBatch += 1;
      const p = prepareObject(o.value, audience);
      if (!p.ok) failures.push(p.failure);
      else if (copy) copy.add(p.row);
      else rows.push(p.row);
      if (inBatch >= options.batchSize) yield take();
    }
    if (inBatch > 0) yield take();
  }
  return { batches: batches(), fields: () => top.fields };
}

/* ------------------------------------ the worker's side ----------------------------------- */

/** Messages from the importing thread to the worker. */
export type ToWorker =
  | { kind: 'chunk'; data: Uint8Array | string }
  | { kind: 'end' }
  | { kind: 'source-failed' }
  | { kind: 'credit' };

/** Messages from the worker to the importing thread. */
export type FromWorker =
  | { kind: 'need' }
  | ({ kind: 'batch' } & PreparedBatch)
  | { kind: 'done'; fields: Record<string, unknown> }
  | { kind: 'failed'; error: WorkerError };

export type WorkerError =
  | {
      kind: 'json';
      code: JsonStreamErrorCode;
      message: string;
      offset: number;
      index: number | null;
    }
  | { kind: 'source' }
  | { kind: 'other'; message: string };

export interface WorkerData extends BatchOptions {
  audience: Audience;
}

/** Batches a worker may hold prepared before the importing thread takes them. */
export const WORKER_AHEAD = 2;

/**
 * The same as preparedBatches, on a worker thread (./prepare-worker.mjs). The worker asks
 * for the source's chunks one at a time and prepares at most WORKER_AHEAD batches ahead, so
 * memory stays bounded as on one thread. Errors arrive in order: the batches prepared before
 * a JSON error or a failing source are delivered first, then the error (the source's own
 * error object; a JsonStreamError rebuilt with its code and position).
 */
export function preparedBatchesInWorker(
  source: Source,
  audience: Audience,
  options: BatchOptions,
): BatchSource {
  let fields: Record<string, unknown> = {};
  async function* batches(): AsyncGenerator<PreparedBatch> {
    const iterator =
      Symbol.asyncIterator in source
        ? source[Symbol.asyncIterator]()
        : (source as Iterable<Uint8Array | string>)[Symbol.iterator]();
    const data: WorkerData = { audience, ...options };
    const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url), {
      workerData: data,
    });
    const inbox: (FromWorker | { kind: 'crashed'; error: Error })[] = [];
    let wake: (() => void) | null = null;
    const deliver = (m: FromWorker | { kind: 'crashed'; error: Error }) => {
      inbox.push(m);
      wake?.();
      wake = null;
    };
    let sourceError: unknown = null;
    const send = (m: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
    const feed = async () => {
      try {
        const r = await iterator.next();
        if (r.done) return send({ kind: 'end' });
        if (typeof r.value === 'string') return send({ kind: 'chunk', data: r.value });
        // A copy: the chunk's own buffer may be shared (Buffer's pool) and must not move.
        const copy = new Uint8Array(r.value);
        send({ kind: 'chunk', data: copy }, [copy.buffer]);
      } catch (err) {
        sourceError = err;
        send({ kind: 'source-failed' });
      }
    };
    worker.on('message', (m: FromWorker) => {
      if (m.kind === 'need') void feed();
      else deliver(m);
    });
    worker.on('error', (error) => deliver({ kind: 'crashed', error }));
    worker.on('exit', (code) =>
      deliver({
        kind: 'crashed',
        error: new Error(`the import worker stopped (exit code ${code})`),
      }),
    );
    try {
      for (;;) {
        while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const m = inbox.shift()!;
        if (m.kind === 'batch') {
          send({ kind: 'credit' });
          const { kind: _, ...batch } = m;
          yield batch;
        } else if (m.kind === 'done') {
          fields = m.fields;
          return;
        } else if (m.kind === 'failed') {
          const e = m.error;
          if (e.kind === 'source') throw sourceError;
          if (e.kind === 'json') throw new JsonStreamError(e.code, e.message, e.offset, e.index);
          throw new Error(e.message);
        } else if (m.kind === 'crashed') {
          throw m.error;
        }
      }
    } finally {
      worker.removeAllListeners('exit');
      await worker.terminate();
      if (sourceError === null) await iterator.return?.();
    }
  }
  return { batches: batches(), fields: () => fields };
}
