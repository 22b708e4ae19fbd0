/**
 * Query parameters of TAXII 2.1 §3.4 (filtering) and §3.6 (pagination), parsed strictly: a
 * malformed filter is a 400, never a silently ignored one.
 */
import { isStixId } from '@concord/stix';
import type { ObjectFilters } from '../store';
import { IntelError } from '../service';
import { versionKeyOf } from '../prepare';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1_000;

type Query = Record<string, string | string[] | undefined>;

function values(q: Query, name: string): string[] | undefined {
  const raw = q[name];
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(','));
  return list.map((v) => v.trim()).filter((v) => v !== '');
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * A STIX timestamp as whole microseconds since the epoch, rounded down. date_added values are
 * whole microseconds, so `date_added > t` equals `date_added > floor_µs(t)`.
 */
export function timestampMicros(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac = ''] = m;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
  if (Number.isNaN(ms)) return null;
  const check = new Date(ms);
  if (check.getUTCDate() !== +d! || check.getUTCMonth() !== +mo! - 1) return null;
  return ms * 1000 + Number(frac.padEnd(6, '0').slice(0, 6));
}

const bad = (name: string, message: string) =>
  new IntelError('INTEL_BAD_FILTER', `${name}: ${message}`, {
    fieldErrors: [{ field: name, message }],
  });

export interface Paging {
  limit: number;
  next: string | null;
}

export function parsePaging(q: Query): Paging {
  const rawLimit = q.limit;
  let limit = DEFAULT_PAGE;
  if (rawLimit !== undefined) {
    const text = Array.isArray(rawLimit) ? rawLimit[0] : rawLimit;
    if (!text || !/^\d{1,9}$/.test(text) || Number(text) < 1) {
      throw bad('limit', 'must be a positive whole number');
    }
    limit = Math.min(Number(text), MAX_PAGE);
  }
  const next = q.next === undefined ? null : Array.isArray(q.next) ? (q.next[0] ?? '') : q.next;
  return { limit, next };
}

const SCALAR_TYPE = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;

/** added_after and match[id|type|version|spec_version]; `allowed` limits which apply (§3.4.1). */
export function parseFilters(
  q: Query,
  allowed: { id: boolean; type: boolean; version: boolean },
): ObjectFilters {
  const filters: ObjectFilters = {};
  const after = q.added_after;
  if (after !== undefined) {
    const text = Array.isArray(after) ? after[0] : after;
    const micros = text === undefined ? null : timestampMicros(text);
    if (micros === null)
      throw bad('added_after', 'must be a STIX timestamp, e.g. 2026-01-01T00:00:00Z');
    filters.addedAfter = micros;
  }
  if (allowed.id) {
    const ids = values(q, 'match[id]');
    if (ids) {
      for (const id of ids)
        if (!isStixId(id)) throw bad('match[id]', `'${id}' is not a STIX identifier`);
      filters.ids = ids;
    }
  }
  if (allowed.type) {
    const types = values(q, 'match[type]');
    if (types) {
      for (const t of types)
        if (!SCALAR_TYPE.test(t)) throw bad('match[type]', `'${t}' is not a STIX type`);
      filters.types = types;
    }
  }
  if (allowed.version) {
    const vs = values(q, 'match[version]');
    if (vs) {
      const v = { first: false, last: false, all: false, keys: [] as string[] };
      for (const x of vs) {
        if (x === 'first') v.first = true;
        else if (x === 'last') v.last = true;
        else if (x === 'all') v.all = true;
        else if (timestampMicros(x) !== null) v.keys.push(versionKeyOf(x));
        else throw bad('match[version]', `'${x}' is not first, last, all or a timestamp`);
      }
      filters.versions = v;
    }
  }
  const specs = values(q, 'match[spec_version]');
  if (specs) {
    for (const s of specs)
      if (!/^\d+\.\d+$/.test(s)) throw bad('match[spec_version]', `'${s}' is not a STIX version`);
    filters.specVersions = specs;
  }
  return filters;
}
