/**
 * STIX 2.1 §3.2 common properties, per kind of object (the §3.2 summary table), and the
 * embedded types every object may carry: §2.5 external-reference, §2.11 kill-chain-phase and
 * §7.2.3 granular-marking.
 */
import { isPlainObject } from '../guards';
import { pointer } from '../issues';
import type { Check, Constraint } from './engine';
import { embedded, has, objectSpec } from './engine';
import { atLeastOne } from './constraints';
import { isLanguageTag, isUrl } from './formats';
import {
  boolean,
  formatted,
  handledElsewhere,
  hashes,
  identifier,
  integer,
  list,
  refTo,
  string,
  timestamp,
} from './values';

export const language: Check = formatted(isLanguageTag, 'an RFC 5646 language tag');
export const url: Check = formatted(isUrl, 'an RFC 3986 URL');

const CAPEC_ID_RE = /^CAPEC-\d+$/;
const CVE_ID_RE = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/;

/**
 * §4.1, §4.19: a CAPEC reference's external_id is "CAPEC-[id]"; a CVE reference's is the exact
 * CVE identifier. Both are what identifies the reference, so it must be there.
 */
const wellKnownSource: Constraint = (issues, obj, path) => {
  const source = obj['source_name'];
  const rule =
    source === 'capec'
      ? { re: CAPEC_ID_RE, what: '"CAPEC-[id]" (§4.1)' }
      : source === 'cve'
        ? { re: CVE_ID_RE, what: 'a CVE identifier "CVE-YYYY-NNNN" (§4.19)' }
        : null;
  if (rule === null) return;
  const id = obj['external_id'];
  if (!has(obj, 'external_id')) {
    issues.error(
      pointer(path, 'external_id'),
      'required',
      `is required when source_name is ${String(source)}`,
    );
  } else if (typeof id === 'string' && !rule.re.test(id)) {
    issues.error(pointer(path, 'external_id'), 'format', `must be ${rule.what}`);
  }
};

/** §2.5 external-reference. */
export const externalReference = embedded(
  objectSpec('external-reference', {
    props: {
      source_name: string,
      description: string,
      url,
      hashes: hashes(true),
      external_id: string,
    },
    required: ['source_name'],
    constraints: [atLeastOne('description', 'url', 'external_id'), wellKnownSource],
  }),
);

const KILL_CHAIN_TERM_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** §2.11: names SHOULD be lowercase with hyphens. */
const killChainStyle: Constraint = (issues, obj, path) => {
  for (const key of ['kill_chain_name', 'phase_name']) {
    const v = obj[key];
    if (typeof v === 'string' && Object.hasOwn(obj, key) && !KILL_CHAIN_TERM_RE.test(v)) {
      issues.warn(
        pointer(path, key),
        'format',
        'should be lowercase words separated by hyphens (§2.11)',
      );
    }
  }
};

/** §2.11 kill-chain-phase. */
export const killChainPhase = embedded(
  objectSpec('kill-chain-phase', {
    props: { kill_chain_name: string, phase_name: string },
    required: ['kill_chain_name', 'phase_name'],
    constraints: [killChainStyle],
  }),
);

/** §7.2.3: selector components are property names/dictionary keys or "[n]" list indexes. */
const SELECTOR_KEY_RE = /^[A-Za-z0-9_-]{1,250}$/;
const SELECTOR_INDEX_RE = /^\[(?:0|[1-9]\d{0,8})\]$/;

const selectorSyntax: Check = (issues, value, path) => {
  if (typeof value !== 'string') {
    issues.error(path, 'type', 'must be a string');
    return;
  }
  const parts = value.length > 4096 ? [] : value.split('.');
  const ok =
    parts.length > 0 &&
    SELECTOR_KEY_RE.test(parts[0] ?? '') &&
    parts.every((p) => SELECTOR_KEY_RE.test(p) || SELECTOR_INDEX_RE.test(p));
  if (!ok) {
    issues.error(
      path,
      'format',
      'must be a selector such as "description" or "labels.[0]" (§7.2.3)',
    );
  }
};

/** §7.2.3: exactly one of lang and marking_ref. */
const langXorMarking: Constraint = (issues, obj, path) => {
  const lang = has(obj, 'lang');
  const ref = has(obj, 'marking_ref');
  if (lang && ref) {
    issues.error(
      pointer(path, 'marking_ref'),
      'exclusive',
      'must not be present together with lang (§7.2.3)',
    );
  } else if (!lang && !ref) {
    issues.error(
      pointer(path, 'marking_ref'),
      'required',
      'one of marking_ref or lang is required (§7.2.3)',
    );
  }
};

/** §7.2.3 granular-marking. */
export const granularMarking = embedded(
  objectSpec('granular-marking', {
    props: {
      lang: language,
      marking_ref: identifier(refTo('marking-definition')),
      selectors: list(selectorSyntax),
    },
    required: ['selectors'],
    constraints: [langXorMarking],
  }),
);

/** Walks a selector over the marked object; false when it selects nothing (§7.2.3). */
function selects(root: Record<string, unknown>, selector: string): boolean {
  let node: unknown = root;
  for (const part of selector.split('.')) {
    if (part.startsWith('[')) {
      const index = Number(part.slice(1, -1));
      if (!Array.isArray(node) || index >= node.length) return false;
      node = node[index];
    } else {
      if (!isPlainObject(node) || !Object.hasOwn(node, part)) return false;
      node = node[part];
    }
  }
  return true;
}

/** §7.2.3: "Selectors MUST refer to properties or list items that are actually present". */
export const selectorsResolve: Constraint = (issues, obj, path) => {
  const markings = obj['granular_markings'];
  if (!Object.hasOwn(obj, 'granular_markings') || !Array.isArray(markings)) return;
  markings.forEach((marking: unknown, i) => {
    if (!isPlainObject(marking) || !Array.isArray(marking['selectors'])) return;
    (marking['selectors'] as unknown[]).forEach((selector, j) => {
      if (typeof selector === 'string' && selector.length <= 4096 && !selects(obj, selector)) {
        issues.error(
          `${path}/granular_markings/${i}/selectors/${j}`,
          'format',
          `selects nothing present on this object (§7.2.3)`,
        );
      }
    });
  });
};

/** The §3.2 property checks, by name (applicability is decided per kind below). */
export const COMMON: Readonly<Record<string, Check>> = {
  type: handledElsewhere,
  id: handledElsewhere,
  spec_version: handledElsewhere,
  extensions: handledElsewhere,
  created_by_ref: identifier(refTo('identity')),
  created: timestamp({ minFractionDigits: 3 }),
  modified: timestamp({ minFractionDigits: 3 }),
  revoked: boolean,
  labels: list(string),
  confidence: integer(0, 100),
  lang: language,
  external_references: list(externalReference),
  object_marking_refs: list(identifier(refTo('marking-definition'))),
  granular_markings: list(granularMarking),
  defanged: boolean,
};

/** A common property present where the §3.2 table says it does not apply. */
export const notApplicable =
  (check: Check, what: string, forbidden = false): Check =>
  (issues, value, path) => {
    if (forbidden) issues.error(path, 'not-applicable', `must not be used on ${what} (§3.2)`);
    else issues.warn(path, 'not-applicable', `does not apply to ${what} (§3.2)`);
    check(issues, value, path);
  };

const pick = (names: readonly string[]): Record<string, Check> =>
  Object.fromEntries(names.map((n) => [n, COMMON[n] as Check]));

const na = (names: readonly string[], what: string): Record<string, Check> =>
  Object.fromEntries(
    names.map((n) => [n, notApplicable(COMMON[n] as Check, what, n === 'defanged')]),
  );

const without = (names: readonly string[], drop: readonly string[]): string[] =>
  names.filter((n) => !drop.includes(n));

const SDO_COMMON = [
  'type',
  'spec_version',
  'id',
  'created_by_ref',
  'created',
  'modified',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
  'extensions',
] as const;

/** §3.2 table, SDO and SRO columns. */
export const SDO_COMMON_PROPS = { ...pick(SDO_COMMON), ...na(['defanged'], 'SDOs and SROs') };

/** §3.2 table, SCO column. */
const SCO_COMMON = [
  'type',
  'spec_version',
  'id',
  'object_marking_refs',
  'granular_markings',
  'defanged',
  'extensions',
];
export const SCO_COMMON_PROPS = {
  ...pick(SCO_COMMON),
  ...na(without(SDO_COMMON, SCO_COMMON), 'SCOs'),
};

/** §3.2 table, Markings column (§7.2.1). */
export const MARKING_COMMON_PROPS = {
  ...pick(without(SDO_COMMON, ['modified', 'revoked', 'labels', 'confidence', 'lang'])),
  ...na(['modified', 'revoked', 'labels', 'confidence', 'lang', 'defanged'], 'marking definitions'),
};

/** §3.2 table, Language column (§7.1). */
export const LANGUAGE_COMMON_PROPS = {
  ...pick(without(SDO_COMMON, ['lang'])),
  ...na(['lang', 'defanged'], 'language content'),
};

/** §3.2 table, Extension column (§7.3.1). */
export const EXTENSION_DEFINITION_COMMON_PROPS = {
  ...pick(without(SDO_COMMON, ['confidence', 'lang', 'extensions'])),
  ...na(['confidence', 'lang', 'defanged'], 'extension definitions'),
  extensions: handledElsewhere,
};
