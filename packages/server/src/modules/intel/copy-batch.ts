/**
 * Batches of object versions as COPY text (PostgreSQL 15, COPY, "Text Format"), built where
 * the objects are validated (on the import worker for large bundles) and handed over as
 * bytes: the thread that talks to the database then only adds each row's `date_added` and
 * `seq` (known inside its transaction) and sends them. Pure: no database.
 *
 * A row's line is built without those two: `\t<collection>\t…\t<body>\t`; the sender writes
 * `<date_added>` + line + `<seq>\n` (COPY_COLUMNS gives the order). A search line is
 * `<text>\t`, sent as line + `<seq>\n`.
 */
import type { NewObjectRow } from './store-write';

/** The columns of a COPY line, in order. */
export const COPY_COLUMNS =
  'date_added, collection_id, origin_participant_id, added_by, stix_id, type, spec_version, ' +
  'version, version_key, is_latest, is_first, tlp, recipient_participant_ids, ' +
  'recipient_user_ids, source_ref, target_ref, body, seq';
export const SEARCH_COPY_COLUMNS = 'search_text, seq';

/** What every row of an add shares. */
export interface CopyContext {
  collectionId: string;
  originParticipantId: string;
  addedBy: string | null;
}

export interface CopyBatch {
  /** The object id and version key of each line (each distinct version of the batch once). */
  ids: string[];
  versionKeys: string[];
  rows: Uint8Array;
  /** Line i of `rows` is bytes rowStarts[i] … rowStarts[i + 1]. */
  rowStarts: Uint32Array;
  search: Uint8Array;
  searchStarts: Uint32Array;
}

/**
 * A value in COPY's text format: \N is null; backslash, newline, carriage return and tab are
 * escaped with a backslash. Other characters go as they are (U+0000 never reaches here:
 * prepare.ts refuses it).
 */
export function copyText(v: string | null): string {
  if (v === null) return '\\N';
  // Four substring searches are about five times faster than one character-class test on
  // the long values (bodies), and most values need no escape at all.
  return v.includes('\\') || v.includes('\n') || v.includes('\r') || v.includes('\t')
    ? v.replace(COPY_SPECIALS_G, (c) => COPY_ESCAPES[c]!)
    : v;
}
const COPY_SPECIALS_G = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** The inverse of copyText. */
function fromCopyText(v: string): string | null {
  if (v === '\\N') return null;
  return v.includes('\\') ? v.replace(/\\(.)/g, (_, c: string) => COPY_UNESCAPES[c] ?? c) : v;
}
const COPY_UNESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

/** Uuid arrays travel as one text value per row ('{a,b}') cast to uuid[]. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
const fromUuidArray = (v: string) => (v === '{}' ? [] : v.slice(1, -1).split(','));

const key = (id: string, versionKey: string) => `${id}\u0000${versionKey}`;

/**
 * One row per (id, version) of a batch (a repeat inside it is the same version again), each
 * marked as the first and latest of its object within the batch, as CopyBatchBuilder marks
 * its lines: for the insert that stores rows (PGlite). Returns copies; the given rows are not
 * changed.
 */
export function batchUnique(rows: readonly NewObjectRow[]): NewObjectRow[] {
  const seen = new Set<string>();
  const unique: NewObjectRow[] = [];
  for (const r of rows) {
    const k = key(r.stixId, r.versionKey);
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push({ ...r, isLatest: false, isFirst: false });
  }
  const latest = new Map<string, NewObjectRow>();
  const first = new Map<string, NewObjectRow>();
  for (const r of unique) {
    const max = latest.get(r.stixId);
    if (!max || r.versionKey > max.versionKey) latest.set(r.stixId, r);
    const min = first.get(r.stixId);
    if (!min || r.versionKey < min.versionKey) first.set(r.stixId, r);
  }
  for (const r of latest.values()) r.isLatest = true;
  for (const r of first.values()) r.isFirst = true;
  return unique;
}

/**
 * UTF-8 bytes in a buffer of their own (transferable), grown by doubling. Strings are written
 * straight in: room for three bytes per UTF-16 unit is made first, the most any takes.
 */
class ByteSink {
  private buf: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buf = Buffer.from(new ArrayBuffer(capacity));
  }

  write(s: string): void {
    const need = this.length + s.length * 3;
    if (need > this.buf.length) {
      const bigger = Buffer.from(new ArrayBuffer(Math.max(need, this.buf.length * 2)));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    this.length += this.buf.write(s, this.length);
  }

  /** Sets one byte already written. */
  set(at: number, byte: number): void {
    this.buf[at] = byte;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buf.buffer, 0, this.length);
  }
}

const F = 0x66; // 'f'

/**
 * Builds a batch's COPY lines one prepared row at a time, so that each parsed object can be
 * let go as soon as it is written (on the import worker, holding a batch of parsed objects
 * until its end made them outlive the young generation: a fifth of the worker's time went
 * to garbage collection). A repeat of a version already in the batch adds no line. Each line
 * is marked as the first and latest of its object within the batch, and an earlier line's
 * flag bytes are rewritten when a later one takes its place: right as they stand for an
 * object new to the collection; otherwise settleVersionFlags corrects them after the insert.
 */
export class CopyBatchBuilder {
  private readonly ids: string[] = [];
  private readonly versionKeys: string[] = [];
  private readonly rows: ByteSink;
  private readonly search: ByteSink;
  private readonly rowStarts: number[] = [];
  private readonly searchStarts: number[] = [];
  /** Where each line's is_latest byte is (is_first is two bytes on). */
  private readonly flagAt: number[] = [];
  private readonly versions = new Set<string>();
  private readonly edges = new Map<string, { first: number; latest: number }>();
  private readonly fixed: string;

  constructor(ctx: CopyContext, capacity = 64 * 1024) {
    this.fixed = `\t${ctx.collectionId}\t${ctx.originParticipantId}\t${copyText(ctx.addedBy)}\t`;
    this.rows = new ByteSink(capacity);
    this.search = new ByteSink(capacity >>> 2);
  }

  add(r: NewObjectRow): void {
    const k = key(r.stixId, r.versionKey);
    if (this.versions.has(k)) return;
    this.versions.add(k);
    const line = this.ids.length;
    this.ids.push(r.stixId);
    this.versionKeys.push(r.versionKey);
    let latest = true;
    let first = true;
    const edge = this.edges.get(r.stixId);
    if (edge === undefined) this.edges.set(r.stixId, { first: line, latest: line });
    else {
      if (r.versionKey > this.versionKeys[edge.latest]!) {
        this.rows.set(this.flagAt[edge.latest]!, F);
        edge.latest = line;
      } else latest = false;
      if (r.versionKey < this.versionKeys[edge.first]!) {
        this.rows.set(this.flagAt[edge.first]! + 2, F);
        edge.first = line;
      } else first = false;
    }
    this.rowStarts.push(this.rows.length);
    this.rows.write(
      `${this.fixed}${copyText(r.stixId)}\t${copyText(r.type)}\t${copyText(r.specVersion)}\t${copyText(r.version)}\t${copyText(r.versionKey)}\t`,
    );
    this.flagAt.push(this.rows.length);
    this.rows.write(
      `${latest ? 't' : 'f'}\t${first ? 't' : 'f'}\t${copyText(r.tlp)}\t${uuidArray(r.recipientParticipantIds)}\t${uuidArray(r.recipientUserIds)}\t${copyText(r.sourceRef)}\t${copyText(r.targetRef)}\t${copyText(r.body)}\t`,
    );
    this.searchStarts.push(this.search.length);
    this.search.write(`${copyText(r.searchText)}\t`);
  }

  finish(): CopyBatch {
    const starts = (list: number[], end: number) => {
      const a = new Uint32Array(list.length + 1);
      a.set(list);
      a[list.length] = end;
      return a;
    };
    return {
      ids: this.ids,
      versionKeys: this.versionKeys,
      rows: this.rows.bytes(),
      rowStarts: starts(this.rowStarts, this.rows.length),
      search: this.search.bytes(),
      searchStarts: starts(this.searchStarts, this.search.length),
    };
  }
}

/** The COPY lines of prepared rows (deduplicated, with the batch's flags). */
export function buildCopyBatch(rows: readonly NewObjectRow[], ctx: CopyContext): CopyBatch {
  const builder = new CopyBatchBuilder(ctx);
  for (const r of rows) builder.add(r);
  return builder.finish();
}

/** The buffers of a batch, to be moved rather than copied to another thread. */
export const copyBatchTransfer = (b: CopyBatch): ArrayBuffer[] => [
  b.rows.buffer as ArrayBuffer,
  b.rowStarts.buffer as ArrayBuffer,
  b.search.buffer as ArrayBuffer,
  b.searchStarts.buffer as ArrayBuffer,
];

const bufferOf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** The row of line `i` back from its COPY text (for a version of an object already known). */
export function rowFromCopy(b: CopyBatch, i: number): NewObjectRow {
  const line = bufferOf(b.rows).toString('utf8', b.rowStarts[i], b.rowStarts[i + 1]);
  const f = line.split('\t');
  const search = bufferOf(b.search).toString('utf8', b.searchStarts[i], b.searchStarts[i + 1]);
  return {
    stixId: fromCopyText(f[4]!)!,
    type: fromCopyText(f[5]!)!,
    specVersion: fromCopyText(f[6]!)!,
    version: fromCopyText(f[7]!),
    versionKey: fromCopyText(f[8]!)!,
    isLatest: f[9] === 't',
    isFirst: f[10] === 't',
    tlp: fromCopyText(f[11]!)!,
    recipientParticipantIds: fromUuidArray(f[12]!),
    recipientUserIds: fromUuidArray(f[13]!),
    sourceRef: fromCopyText(f[14]!),
    targetRef: fromCopyText(f[15]!),
    body: fromCopyText(f[16]!)!,
    searchText: fromCopyText(search.slice(0, -1))!,
  };
}

/**
 * Buffers kept from one batch of an import to the next for copyData: allocating two new
 * megabyte buffers per batch made the importing thread collect garbage for them.
 */
export interface CopyScratch {
  rows: Buffer;
  search: Buffer;
}

export const newCopyScratch = (): CopyScratch => ({
  rows: Buffer.alloc(0),
  search: Buffer.alloc(0),
});

/** `size` bytes of the scratch buffer `which`, grown (by half again) when too small. */
function scratchBytes(scratch: CopyScratch | undefined, which: keyof CopyScratch, size: number) {
  if (!scratch) return Buffer.allocUnsafe(size);
  if (scratch[which].length < size) scratch[which] = Buffer.allocUnsafe(Math.ceil(size * 1.5));
  return scratch[which].subarray(0, size);
}

/**
 * The COPY data of lines `which` (in that order) with their date_added (ISO text) and seqs:
 * one buffer for intel_objects (COPY_COLUMNS), one for intel_search_pending. With `scratch`,
 * they are views of its buffers, good until the next call (the caller sends them first).
 */
export function copyData(
  b: CopyBatch,
  which: readonly number[],
  dateAdded: string,
  seqs: readonly number[],
  scratch?: CopyScratch,
): { rows: Buffer; search: Buffer } {
  // Date and seqs are ASCII: one byte a character.
  const date = Buffer.from(dateAdded, 'latin1');
  const tails = seqs.map((s) => `${s}\n`);
  let rowBytes = 0;
  let searchBytes = 0;
  for (let n = 0; n < which.length; n++) {
    const i = which[n]!;
    const tail = tails[n]!.length;
    rowBytes += date.length + b.rowStarts[i + 1]! - b.rowStarts[i]! + tail;
    searchBytes += b.searchStarts[i + 1]! - b.searchStarts[i]! + tail;
  }
  const rows = scratchBytes(scratch, 'rows', rowBytes);
  const search = scratchBytes(scratch, 'search', searchBytes);
  const src = bufferOf(b.rows);
  const srcSearch = bufferOf(b.search);
  let r = 0;
  let s = 0;
  for (let n = 0; n < which.length; n++) {
    const i = which[n]!;
    r += date.copy(rows, r);
    r += src.copy(rows, r, b.rowStarts[i], b.rowStarts[i + 1]);
    r += rows.write(tails[n]!, r, 'latin1');
    s += srcSearch.copy(search, s, b.searchStarts[i], b.searchStarts[i + 1]);
    s += search.write(tails[n]!, s, 'latin1');
  }
  return { rows, search };
}
