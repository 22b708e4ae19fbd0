/**
 * Fetches `items` with up to `concurrency` requests in flight and yields the bodies in the
 * items' order. Stopping early (an error, or the consumer returning) aborts what is in flight.
 */
export async function* fetchInOrder<T>(
  items: Iterable<T>,
  fetchOne: (item: T, signal: AbortSignal) => Promise<Uint8Array>,
  concurrency: number,
): AsyncGenerator<[T, Uint8Array], void, undefined> {
  const controller = new AbortController();
  const iterator = items[Symbol.iterator]();
  const queue: { item: T; body: Promise<Uint8Array> }[] = [];
  const refill = () => {
    while (queue.length < concurrency) {
      const next = iterator.next();
      if (next.done) return;
      const body = fetchOne(next.value, controller.signal);
      // Handled when its turn comes; until then a failure must not be "unhandled".
      body.catch(() => undefined);
      queue.push({ item: next.value, body });
    }
  };
  try {
    refill();
    for (let head = queue.shift(); head; head = queue.shift()) {
      const body = await head.body;
      refill();
      yield [head.item, body];
    }
  } finally {
    controller.abort();
  }
}
