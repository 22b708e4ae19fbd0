/**
 * The JSON ledger answers the CLI relies on, checked field by field: the shapes come from
 * the OpenAPI document (via @concord/api-client's types), but the node is not trusted to
 * follow them.
 */
import type { paths } from '@concord/api-client';
import { base64ToBytes, HASH_SIZE } from '@concord/ledger';
import { CliError } from '../errors';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
export type EntryJson = Json<'/api/v1/ledger/entries/{index}'>;
export type ConsistencyJson = Json<'/api/v1/ledger/consistency'>;

export interface ProvenEntry {
  index: bigint;
  kind: string;
  payloadType: string;
  participantId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  loggedAt: string;
  data: Uint8Array;
  leafHash: Uint8Array;
  proof: { treeSize: bigint; root: Uint8Array; hashes: Uint8Array[] };
  checkpoint: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field readers for an answer of type T: field names are checked against the API's types. */
class Fields<T> {
  constructor(
    private readonly url: string,
    private readonly value: Record<string, unknown>,
    private readonly prefix = '',
  ) {}

  private bad(field: string, why: string): CliError {
    return new CliError(`GET ${this.url}: ${this.prefix}${field}: ${why}`);
  }

  string(field: keyof T & string): string {
    const v = this.value[field];
    if (typeof v !== 'string') throw this.bad(field, 'must be a string');
    return v;
  }

  nullableString(field: keyof T & string): string | null {
    const v = this.value[field];
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') throw this.bad(field, 'must be a string or null');
    return v;
  }

  size(field: keyof T & string): bigint {
    const v = this.value[field];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      throw this.bad(field, 'must be a non-negative integer');
    return BigInt(v);
  }

  bytes(field: keyof T & string, length?: number): Uint8Array {
    return this.decode(field, this.value[field], length);
  }

  private decode(field: string, v: unknown, length?: number): Uint8Array {
    let out: Uint8Array;
    try {
      out = base64ToBytes(typeof v === 'string' ? v : '');
    } catch {
      throw this.bad(field, 'must be base64');
    }
    if (length !== undefined && out.length !== length)
      throw this.bad(field, `must be ${length} bytes`);
    return out;
  }

  hashes(field: keyof T & string): Uint8Array[] {
    const v = this.value[field];
    if (!Array.isArray(v) || v.length > 64) throw this.bad(field, 'must be a list of hashes');
    return v.map((h, i) => this.decode(`${field}[${i}]`, h, HASH_SIZE));
  }

  object<K extends keyof T & string>(field: K): Fields<T[K]> {
    const v = this.value[field];
    if (!isRecord(v)) throw this.bad(field, 'must be an object');
    return new Fields<T[K]>(this.url, v, `${this.prefix}${field}.`);
  }
}

function fields<T>(url: string, body: unknown): Fields<T> {
  if (!isRecord(body)) throw new CliError(`GET ${url}: the answer is not a JSON object`);
  return new Fields<T>(url, body);
}

/** GET /api/v1/ledger/entries/{index}. */
export function parseEntry(url: string, body: unknown): ProvenEntry {
  const f = fields<EntryJson>(url, body);
  const proof = f.object('proof');
  return {
    index: f.size('index'),
    kind: f.string('kind'),
    payloadType: f.string('payloadType'),
    participantId: f.nullableString('participantId'),
    subjectType: f.nullableString('subjectType'),
    subjectId: f.nullableString('subjectId'),
    loggedAt: f.string('loggedAt'),
    data: f.bytes('data'),
    leafHash: f.bytes('leafHash', HASH_SIZE),
    proof: {
      treeSize: proof.size('treeSize'),
      root: proof.bytes('root', HASH_SIZE),
      hashes: proof.hashes('hashes'),
    },
    checkpoint: f.string('checkpoint'),
  };
}

/** GET /api/v1/ledger/consistency: only the proof is used, never the node's roots. */
export function parseConsistencyProof(url: string, body: unknown): Uint8Array[] {
  return fields<ConsistencyJson>(url, body).hashes('hashes');
}
