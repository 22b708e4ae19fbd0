/**
 * From a received STIX object to the row stored for it: validation (@concord/stix), version
 * key, TLP level and audience, graph references and search text. Pure.
 */
import { tlpOf, tryParsePattern, validateObject, type TlpLevel } from '@concord/stix';
import type { NewObjectRow } from './store-write';
import type { StatusDetail } from './status-store';

/** How the sharer wants unmarked objects treated and who the audience is. */
export interface Audience {
  /** TLP for objects without a TLP marking (TLP 2.0: unmarked is not CLEAR). */
  defaultTlp: TlpLevel;
  /** AMBER recipients: organisations (participants); by default the community's readers. */
  recipientParticipantIds: readonly string[];
  /** AMBER+STRICT recipients: only organisations the sharer names (none by default). */
  namedParticipantIds: readonly string[];
  /** RED recipients: named individuals (users); the sharer is always one of them. */
  recipientUserIds: readonly string[];
}

export type Prepared = { ok: true; row: NewObjectRow } | { ok: false; failure: StatusDetail };

const MAX_SEARCH_TEXT = 8_000;
const MAX_MESSAGES = 3;

/**
 * A STIX timestamp as a fixed-width sortable key: 'YYYY-MM-DDTHH:MM:SS.fffffffffZ' (nine
 * fraction digits, STIX 2.1 §3.2 allows any sub-second precision). Compared as text.
 */
export function versionKeyOf(timestamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(timestamp);
  if (!m) return timestamp;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z`;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function searchTextOf(o: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of ['name', 'value', 'description', 'pattern', 'abstract', 'content']) {
    const v = str(o[key]);
    if (v) parts.push(v);
  }
  for (const key of ['aliases', 'labels', 'indicator_types', 'malware_types', 'x_mitre_aliases']) {
    const v = o[key];
    if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') parts.push(x);
  }
  const refs = o.external_references;
  if (Array.isArray(refs)) {
    for (const r of refs) {
      if (r && typeof r === 'object') {
        const id = str((r as Record<string, unknown>).external_id);
        if (id) parts.push(id);
      }
    }
  }
  // Control characters (NUL among them, which PostgreSQL text cannot hold) separate words.
  // eslint-disable-next-line no-control-regex
  const text = parts.join(' ').replace(/[\u0000-\u001f]/g, ' ');
  return text.length > MAX_SEARCH_TEXT ? text.slice(0, MAX_SEARCH_TEXT) : text;
}

/** The path of the first string or property name holding U+0000, or null. */
function nulPath(v: unknown, path: string): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = nulPath(v[i], `${path}[${i}]`);
      if (p !== null) return p;
    }
    return null;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = k.includes('\u0000') ? path : nulPath(x, path ? `${path}.${k}` : k);
      if (p !== null) return p;
    }
  }
  return null;
}

function refsOf(o: Record<string, unknown>): {
  sourceRef: string | null;
  targetRef: string | null;
} {
  if (o.type === 'relationship') {
    return { sourceRef: str(o.source_ref), targetRef: str(o.target_ref) };
  }
  if (o.type === 'sighting') {
    const where = Array.isArray(o.where_sighted_refs) ? str(o.where_sighted_refs[0]) : null;
    return { sourceRef: where, targetRef: str(o.sighting_of_ref) };
  }
  return { sourceRef: null, targetRef: null };
}

/** Validates one received element and builds its row, or says why it is refused. */
export function prepareObject(value: unknown, audience: Audience): Prepared {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, failure: { id: '', message: 'not a JSON object' } };
  }
  const o = value as Record<string, unknown>;
  const id = str(o.id) ?? '';
  const result = validateObject(o);
  if (!result.valid) {
    const shown = result.errors.slice(0, MAX_MESSAGES).map((e) => {
      // Messages name their property; add the path when they do not (nested properties).
      const last = e.path.split('/').filter(Boolean).at(-1) ?? '';
      return last === '' || e.message.includes(last) ? e.message : `${e.path}: ${e.message}`;
    });
    const more = result.errors.length - shown.length;
    return {
      ok: false,
      failure: {
        id,
        ...((str(o.modified) ?? str(o.created))
          ? { version: (str(o.modified) ?? str(o.created))! }
          : {}),
        message: shown.join('; ') + (more > 0 ? `; and ${more} more` : ''),
      },
    };
  }
  // STIX 2.1 §9: a pattern in the STIX patterning language must parse.
  if (o.type === 'indicator' && o.pattern_type === 'stix' && typeof o.pattern === 'string') {
    const parsed = tryParsePattern(o.pattern);
    if (!parsed.ok) {
      const version = str(o.modified) ?? str(o.created);
      return {
        ok: false,
        failure: {
          id,
          ...(version !== null ? { version } : {}),
          message: `pattern: ${parsed.error.message}`,
        },
      };
    }
  }
  const version = str(o.modified) ?? str(o.created);
  const body = JSON.stringify(o);
  // PostgreSQL's text and jsonb cannot hold U+0000: such an object could be stored as JSON
  // text but would break every query that reads it as jsonb (property search, the search
  // index). JSON.stringify writes it as the escape below; only then is the object walked.
  if (body.includes('\\u0000')) {
    const at = nulPath(o, '');
    if (at !== null) {
      return {
        ok: false,
        failure: {
          id,
          ...(version !== null ? { version } : {}),
          message: `${at || '(a property name)'}: contains the character U+0000 (NUL), which cannot be stored`,
        },
      };
    }
  }
  const tlp = tlpOf(o) ?? audience.defaultTlp;
  const type = str(o.type)!;
  return {
    ok: true,
    row: {
      stixId: id,
      type,
      specVersion: str(o.spec_version) ?? '2.1',
      version,
      versionKey: version === null ? '' : versionKeyOf(version),
      isLatest: true,
      isFirst: true,
      tlp,
      recipientParticipantIds:
        tlp === 'amber'
          ? audience.recipientParticipantIds
          : tlp === 'amber+strict'
            ? audience.namedParticipantIds
            : [],
      recipientUserIds: tlp === 'red' ? audience.recipientUserIds : [],
      ...refsOf(o),
      searchText: searchTextOf(o),
      body,
    },
  };
}

/** A batch of received elements, validated: the rows to store and the refusals. */
export interface PreparedElements {
  rows: NewObjectRow[];
  failures: StatusDetail[];
}

/** Validates and prepares parsed elements (pure: no database). */
export function prepareElements(audience: Audience, elements: Iterable<unknown>): PreparedElements {
  const rows: NewObjectRow[] = [];
  const failures: StatusDetail[] = [];
  for (const value of elements) {
    const p = prepareObject(value, audience);
    if (p.ok) rows.push(p.row);
    else failures.push(p.failure);
  }
  return { rows, failures };
}
