/**
 * The import worker (see preparedBatchesInWorker in ./prepare-batches): runs preparedBatches
 * over the chunks it is sent and posts the batches back, at most WORKER_AHEAD of them not yet
 * taken.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { copyBatchTransfer } from './copy-batch';
import { JsonStreamError } from './json-stream-error';
import {
  preparedBatches,
  WORKER_AHEAD,
  type FromWorker,
  type ToWorker,
  type WorkerData,
  type WorkerError,
} from './prepare-batches';

const port = parentPort!;
const options = workerData as WorkerData;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

class SourceFailed extends Error {}

let credits = WORKER_AHEAD;
let creditWaiter: (() => void) | null = null;
let chunkWaiter: ((m: ToWorker) => void) | null = null;
port.on('message', (m: ToWorker) => {
  if (m.kind === 'credit') {
    credits += 1;
    creditWaiter?.();
    creditWaiter = null;
  } else {
    chunkWaiter?.(m);
    chunkWaiter = null;
  }
});

/** Asks the importing thread for the source's next chunk. */
function request(): Promise<ToWorker> {
  const next = new Promise<ToWorker>((resolve) => (chunkWaiter = resolve));
  post({ kind: 'need' });
  return next;
}

/**
 * The source's chunks. The next one is asked for as soon as one arrives, before it is
 * scanned: waiting for each chunk only once the last was used up left the worker idle for a
 * fifth of an import (the importing thread answers between its database calls).
 */
async function* chunks(): AsyncGenerator<Uint8Array | string> {
  let pending = request();
  for (;;) {
    const m = await pending;
    if (m.kind === 'end') return;
    if (m.kind === 'source-failed') throw new SourceFailed();
    pending = request();
    if (m.kind === 'chunk') yield m.data;
  }
}

async function run(): Promise<void> {
  const { batches, fields } = preparedBatches(chunks(), options.audience, options);
  try {
    for await (const batch of batches) {
      while (credits === 0) await new Promise<void>((resolve) => (creditWaiter = resolve));
      credits -= 1;
      // The COPY text's buffers move to the importing thread instead of being copied.
      post({ kind: 'batch', ...batch }, batch.copy ? copyBatchTransfer(batch.copy) : []);
    }
    post({ kind: 'done', fields: fields() });
  } catch (err) {
    const error: WorkerError =
      err instanceof SourceFailed
        ? { kind: 'source' }
        : err instanceof JsonStreamError
          ? {
              kind: 'json',
              code: err.code,
              message: err.message,
              offset: err.offset,
              index: err.index,
            }
          : { kind: 'other', message: err instanceof Error ? err.message : String(err) };
    post({ kind: 'failed', error });
  }
}

void run();
