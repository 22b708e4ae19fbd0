/**
 * The generated bundle of `npm run bench:intel`: mostly indicators (~600 bytes, with STIX
 * patterns), some malware, relationships and sightings, made as it is read (never whole in
 * memory).
 */

const uuid = (n: number, salt: number) => {
  const h = (n * 2654435761 + salt * 40503) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  const tail = n.toString(16).padStart(12, '0').slice(-12);
  return `${hex}-${(salt & 0xfff).toString(16).padStart(4, '0')}-4${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${tail}`;
};

function objectOf(i: number): Record<string, unknown> {
  const t = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  const kind = i % 20;
  if (kind === 0) {
    return {
      type: 'malware',
      spec_version: '2.1',
      id: `malware--${uuid(i, 1)}`,
      created: t,
      modified: t,
      name: `Family ${i}`,
      description: 'Modular implant with a wiper module; seen against distribution operators.',
      malware_types: ['backdoor'],
      is_family: true,
    };
  }
  if (kind === 1) {
    return {
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--${uuid(i, 2)}`,
      created: t,
      modified: t,
      relationship_type: 'indicates',
      source_ref: `indicator--${uuid(i + 1, 3)}`,
      target_ref: `malware--${uuid(i - 1, 1)}`,
    };
  }
  if (kind === 2) {
    return {
      type: 'sighting',
      spec_version: '2.1',
      id: `sighting--${uuid(i, 4)}`,
      created: t,
      modified: t,
      sighting_of_ref: `indicator--${uuid(i + 1, 3)}`,
      count: (i % 7) + 1,
      first_seen: t,
      last_seen: t,
    };
  }
  const a = i % 256;
  const b = (i >> 8) % 256;
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuid(i, 3)}`,
    created: t,
    modified: t,
    name: `C2 server ${i}`,
    description:
      'Command-and-control address observed in Operation Frostline; beacons every 60 s over TLS with a self-signed certificate — "block at the perimeter".',
    indicator_types: ['malicious-activity'],
    pattern: `[ipv4-addr:value = '198.51.${b}.${a}'] OR [network-traffic:dst_ref.value = '198.51.${b}.${a}' AND network-traffic:dst_port = 443]`,
    pattern_type: 'stix',
    valid_from: t,
    labels: ['frostline', 'c2'],
    confidence: 80,
  };
}

/** The generated objects' texts, one at a time (the same bytes the bundle carries). */
export function* objectTexts(n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield JSON.stringify(objectOf(i));
}

/** The bundle as UTF-8 chunks of about 64 KiB, made as they are read (never whole in memory). */
function* bundleChunks(n: number): Generator<Uint8Array> {
  const enc = new TextEncoder();
  let buf = `{"type":"bundle","id":"bundle--${uuid(n, 9)}","objects":[`;
  let first = true;
  for (const text of objectTexts(n)) {
    buf += (first ? '' : ',') + text;
    first = false;
    if (buf.length >= 65_536) {
      yield enc.encode(buf);
      buf = '';
    }
  }
  yield enc.encode(`${buf}]}`);
}

/**
 * The same chunks as an async stream, as a file or an HTTP body would deliver them: each chunk
 * after a turn of the event loop, as real I/O would (and so the memory sampler gets to run).
 */
export async function* generatedBundle(n: number): AsyncGenerator<Uint8Array> {
  for (const chunk of bundleChunks(n)) {
    await new Promise((resolve) => setImmediate(resolve));
    yield chunk;
  }
}
