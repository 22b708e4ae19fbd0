/**
 * npx tsx bench/json-stream.ts — the streaming STIX splitter's speed beside JSON.parse of the whole
 * buffer, measured in the same run (the machines are shared and noisy: compare the ratio).
 *
 * Input: an in-memory bundle of BENCH_OBJECTS (default 200,000) indicators of about 600 bytes, each
 * with a STIX pattern, and a description holding non-ASCII text, an astral character and escaped
 * quotes; split over 64 KiB chunks (BENCH_CHUNK overrides).
 */
import { splitObjects, splitObjectsSync } from '../packages/server/src/modules/intel/json-stream';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 200_000);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 64 * 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);
const uuid = (n: number) =>
  `${hex(n * 2654435761, 8)}-${hex(n, 4)}-4${hex(n >> 4, 3)}-8${hex(n >> 8, 3)}-${hex(n * 40503, 12)}`;

function indicator(n: number): Record<string, unknown> {
  const ip = `198.51.${(n >> 8) & 255}.${n & 255}`;
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuid(n)}`,
    created: '2026-11-26T10:15:00.000Z',
    modified: '2026-11-26T10:15:00.000Z',
    name: `C2 server ${ip}`,
    description: `Beaconing seen by CERT-Bund — «serveur de commande» 🛰️ "active" (case ${n}), dropped C:\\Temp\\x.exe`,
    indicator_types: ['malicious-activity'],
    pattern: `[ipv4-addr:value = '${ip}'] OR [file:hashes.'SHA-256' = '${hex(n, 8).repeat(8)}']`,
    pattern_type: 'stix',
    valid_from: '2026-11-26T10:15:00Z',
    confidence: 80,
    created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
  };
}

function bundle(count: number): Uint8Array {
  const parts: string[] = [];
  for (let n = 0; n < count; n++) parts.push(JSON.stringify(indicator(n)));
  const text = `{"type":"bundle","id":"bundle--${uuid(7)}","objects":[\n${parts.join(',\n')}\n]}`;
  return new TextEncoder().encode(text);
}

function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function time(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const bytes = bundle(OBJECTS);
const mb = bytes.length / 1e6;
console.log(
  `# json-stream benchmark (${new Date().toISOString()}, node ${process.version}): ` +
    `${fmt(OBJECTS)} indicators, ${fmt(mb, 1)} MB (${fmt(bytes.length / OBJECTS)} B each), ` +
    `${CHUNK} B chunks, best of ${ROUNDS} interleaved rounds`,
);

let peakBufferedBytes = 0;

const variants: [label: string, run: () => unknown][] = [
  [
    'JSON.parse of the whole buffer (decode + parse)',
    () => {
      const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { objects: unknown[] };
      if (parsed.objects.length !== OBJECTS) throw new Error('JSON.parse: wrong count');
    },
  ],
  [
    'splitObjects over chunks (async; decode + parse each)',
    async () => {
      const { objects, stats } = splitObjects(chunks(bytes, CHUNK));
      let count = 0;
      for await (const _ of objects) count++;
      if (count !== OBJECTS) throw new Error('splitObjects: wrong count');
      peakBufferedBytes = stats.peakBufferedBytes;
    },
  ],
  [
    'splitObjectsSync over the whole buffer',
    () => {
      let count = 0;
      for (const _ of splitObjectsSync(bytes).objects) count++;
      if (count !== OBJECTS) throw new Error('splitObjectsSync: wrong count');
    },
  ],
];

// Rounds interleave the variants so that load from other processes hits them alike.
const best = variants.map(() => Infinity);
for (let r = 0; r < ROUNDS; r++) {
  for (const [k, [, run]] of variants.entries()) best[k] = Math.min(best[k]!, await time(run));
}
const reference = best[0]!;
const report = (label: string, s: number, ratio: boolean) =>
  console.log(
    `${label}: ${fmt(mb / s, 1)} MB/s, ${fmt(OBJECTS / s)} objects/s` +
      (ratio ? `   ratio to JSON.parse ${fmt(reference / s, 2)}` : ''),
  );
for (const [k, [label]] of variants.entries()) report(label, best[k]!, k > 0);

// The floor, measured apart because holding every text in memory slows the others' GC.
const texts = [...splitObjectsSync(bytes).objects].map((e) => e.text);
let floor = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  floor = Math.min(
    floor,
    await time(() => {
      for (const text of texts) JSON.parse(text);
    }),
  );
}
report('floor: JSON.parse of each element text alone (already split and decoded)', floor, true);
const largest = texts.reduce((m, t) => Math.max(m, new TextEncoder().encode(t).length), 0);
console.log(
  `splitObjects held at most ${fmt(peakBufferedBytes)} B of an element between chunks ` +
    `(largest element ${fmt(largest)} B)`,
);
