/**
 * The import worker (see preparedBatchesInWorker in ./prepare-batches): splits the chunks it
 * is sent, parses and validates the objects, and posts prepared batches back, at most
 * WORKER_AHEAD of them not yet taken.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { splitObjects } from './json-stream';
import { JsonStreamError } from './json-stream-error';
import { prepareElements } from './prepare';
import {
  WORKER_AHEAD,
  type FromWorker,
  type ToWorker,
  type WorkerData,
  type WorkerError,
} from './prepare-batches';

const port = parentPort!;
const options = workerData as WorkerData;
const post = (m: FromWorker) => port.postMessage(m);

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

async function* chunks(): AsyncGenerator<Uint8Array | string> {
  for (;;) {
    const next = new Promise<ToWorker>((resolve) => (chunkWaiter = resolve));
    post({ kind: 'need' });
    const m = await next;
    if (m.kind === 'end') return;
    if (m.kind === 'source-failed') throw new SourceFailed();
    if (m.kind === 'chunk') yield m.data;
  }
}

async function run(): Promise<void> {
  const { top, objects, stats } = splitObjects(chunks(), {
    ...(options.maxTotalBytes !== undefined ? { maxTotalBytes: options.maxTotalBytes } : {}),
  });
  let batch: unknown[] = [];
  let total = 0;
  const emit = async () => {
    const prepared = prepareElements(options.audience, batch);
    batch = [];
    while (credits === 0) await new Promise<void>((resolve) => (creditWaiter = resolve));
    credits -= 1;
    post({ kind: 'batch', prepared, objects: total, bytes: stats.bytes });
  };
  try {
    for await (const o of objects) {
      total += 1;
      batch.push(o.value);
      if (batch.length >= options.batchSize) await emit();
    }
    if (batch.length > 0) await emit();
    post({ kind: 'done', fields: top.fields });
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
