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
  /** Every valid element of the batch in order (one status success each). */
  ids: string[];
  versions: (string | null)[];
  versionKeys: string[];
  /** For each distinct (id, version) of the batch, in line order: its first element's index. */
  unique: number[];
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
 * marked as the first and latest of its object within the batch: right as they stand for an
 * object new to the collection; otherwise settleVersionFlags corrects them after the insert.
 * Returns copies; the given rows are not changed.
 */
export function batchUnique(rows: readonly NewObjectRow[]): {
  unique: NewObjectRow[];
  firstIndex: number[];
} {
  const seen = new Map<string, number>();
  const unique: NewObjectRow[] = [];
  const firstIndex: number[] = [];
  rows.forEach((r, i) => {
    const k = key(r.stixId, r.versionKey);
    if (seen.has(k)) return;
    seen.set(k, unique.length);
    unique.push({ ...r, isLatest: false, isFirst: false });
    firstIndex.push(i);
  });
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
  return { unique, firstIndex };
}

/** Encodes lines into one buffer of its own (transferable) and their offsets. */
function encodeLines(lines: readonly string[]): { bytes: Uint8Array; starts: Uint32Array } {
  const starts = new Uint32Array(lines.length + 1);
  let total = 0;
  lines.forEach((l, i) => {
    starts[i] = total;
    total += Buffer.byteLength(l);
  });
  starts[lines.length] = total;
  const bytes = Buffer.from(new ArrayBuffer(total));
  lines.forEach((l, i) => bytes.write(l, starts[i]!));
  return { bytes, starts };
}

/** Builds the COPY lines of a prepared batch (deduplicated, with the batch's flags). */
export function buildCopyBatch(rows: readonly NewObjectRow[], ctx: CopyContext): CopyBatch {
  const { unique, firstIndex } = batchUnique(rows);
  const fixed = `\t${ctx.collectionId}\t${ctx.originParticipantId}\t${copyText(ctx.addedBy)}\t`;
  const flag = (b: boolean) => (b ? 't' : 'f');
  const rowLines = unique.map(
    (r) =>
      `${fixed}${copyText(r.stixId)}\t${copyText(r.type)}\t${copyText(r.specVersion)}\t${copyText(r.version)}\t${copyText(r.versionKey)}\t${flag(r.isLatest)}\t${flag(r.isFirst)}\t${copyText(r.tlp)}\t${uuidArray(r.recipientParticipantIds)}\t${uuidArray(r.recipientUserIds)}\t${copyText(r.sourceRef)}\t${copyText(r.targetRef)}\t${copyText(r.body)}\t`,
  );
  const encodedRows = encodeLines(rowLines);
  const encodedSearch = encodeLines(unique.map((r) => `${copyText(r.searchText)}\t`));
  return {
    ids: rows.map((r) => r.stixId),
    versions: rows.map((r) => r.version),
    versionKeys: rows.map((r) => r.versionKey),
    unique: firstIndex,
    rows: encodedRows.bytes,
    rowStarts: encodedRows.starts,
    search: encodedSearch.bytes,
    searchStarts: encodedSearch.starts,
  };
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
 * The COPY data of lines `which` (in that order) with their date_added (ISO text) and seqs:
 * one buffer for intel_objects (COPY_COLUMNS), one for intel_search_pending.
 */
export function copyData(
  b: CopyBatch,
  which: readonly number[],
  dateAdded: string,
  seqs: readonly number[],
): { rows: Buffer; search: Buffer } {
  const date = Buffer.from(dateAdded);
  const tails = seqs.map((s) => Buffer.from(`${s}\n`));
  let rowBytes = 0;
  let searchBytes = 0;
  which.forEach((i, n) => {
    rowBytes += date.length + b.rowStarts[i + 1]! - b.rowStarts[i]! + tails[n]!.length;
    searchBytes += b.searchStarts[i + 1]! - b.searchStarts[i]! + tails[n]!.length;
  });
  const rows = Buffer.allocUnsafe(rowBytes);
  const search = Buffer.allocUnsafe(searchBytes);
  const src = bufferOf(b.rows);
  const srcSearch = bufferOf(b.search);
  let r = 0;
  let s = 0;
  which.forEach((i, n) => {
    r += date.copy(rows, r);
    r += src.copy(rows, r, b.rowStarts[i], b.rowStarts[i + 1]);
    r += tails[n]!.copy(rows, r);
    s += srcSearch.copy(search, s, b.searchStarts[i], b.searchStarts[i + 1]);
    s += tails[n]!.copy(search, s);
  });
  return { rows, search };
}
