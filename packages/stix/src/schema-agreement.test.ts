/**
 * Agreement with the OASIS STIX 2.1 JSON schemas (oasis-open/cti-stix2-json-schemas, draft
 * 2020-12): for every official example, every object of our valid corpus and every object of our
 * invalid corpus, our verdict must equal the schema's — except where listed below.
 *
 * The schemas are informative (STIX 2.1 §1.2.12) and cannot express rules between properties or
 * across objects, so Concord is deliberately stricter in SCHEMA_EXCEPTIONS. In SCHEMA_DEFECTS the
 * schemas reject what the specification allows; Concord follows the specification.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { objectKind } from './kinds';
import { TLP1, TLP2 } from './tlp';
import { validateObject } from './validate/object';
import { INVALID } from './testdata/invalid';
import type { SchemaException } from './testdata/invalid';
import { HAVE_SCHEMAS, SCHEMAS_DIR, exampleObjects, icsBundle } from './testdata/interop';
import { VALID } from './testdata/valid';

/** Where Concord rejects what the schemas accept, and the section of STIX 2.1 that says so. */
const SCHEMA_EXCEPTIONS: Readonly<Record<SchemaException, string>> = {
  ordering:
    '§3.2/§3.6.1 modified ≥ created; §4.2, §4.8, §4.11, §4.17, §5.2 last_seen ≥ first_seen; §4.7 valid_until > valid_from; §4.14 last_observed ≥ first_observed; §5.1 stop_time > start_time; §6.12 end ≥ start — order between two properties is beyond JSON Schema',
  calendar:
    '§2.16 a timestamp MUST be a valid RFC 3339 date-time; the schema pattern accepts 30 February',
  'spec-version':
    '§3.2 spec_version MUST be "2.1" for objects of this specification; the schemas also accept "2.0"',
  'reference-type':
    '§3.2, §4–§6: embedded references are restricted to object types (created_by_ref → identity, object_marking_refs → marking-definition, SCO *_ref(s) → the types each property names); the schemas check most of these only as identifiers or strings',
  'language-tag':
    '§3.2 lang and §7.1 contents keys MUST be RFC 5646 language tags; the schemas accept any string / dictionary key',
  'granular-marking':
    '§7.2.3 exactly one of lang and marking_ref, and "Selectors MUST refer to properties or list items that are actually present"',
  'not-applicable': '§3.2 defanged "MUST NOT be used on any STIX Objects other than SCOs"',
  encoding:
    '§3.1 "The encoding property MUST NOT be present when the original property is not present"',
  'domain-name':
    '§6.4 the value MUST conform to RFC 1034 / RFC 5890; the schema relies on format idn-hostname, which ajv-formats does not implement',
  'self-marking':
    '§3.2 object_marking_refs and granular_markings MUST NOT reference the marking definition itself',
  tlp2: 'the OASIS TLP 2.0 extension (extension-definition--60a3c5c5-…) fixes tlp_2_0 to five levels in its own schema, which the STIX schemas do not load',
  'extension-definition':
    '§7.3.1 created_by_ref is required on extension definitions; the schema does not require it',
  'custom-extension':
    '§11.3 custom (-ext) extensions "can only be used with SCOs"; the SDO schemas accept them',
  'hex-case': "§2.8 hex uses \"the lower-case letters 'a' through 'f'\"; the schemas accept A–F",
};

/** Objects the specification allows and the schemas reject (valid.ts keys). */
const SCHEMA_DEFECTS: Readonly<Record<string, string>> = {
  'language-marking':
    '§7.2.3 a granular marking carries lang or marking_ref; granular-marking.json requires marking_ref',
  'email-single-header':
    '§6.6.1 every additional_header_fields value "MUST always be a list of type string"; the schema demands at least two items',
};

function loadAjv(): (obj: Record<string, unknown>) => boolean {
  // unicodeRegExp: the schemas use escapes ("\-" outside a class) that the u flag rejects.
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: false });
  addFormats(ajv);
  ajv.addFormat('idn-hostname', true);
  const ids = new Map<string, string>();
  for (const dir of ['common', 'sdos', 'sros', 'observables']) {
    for (const file of readdirSync(join(SCHEMAS_DIR, dir))) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, dir, file), 'utf8')) as {
        $id: string;
      };
      ajv.addSchema(schema);
      ids.set(`${dir}/${file.replace(/\.json$/, '')}`, schema.$id);
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  return (obj) => {
    const type = String(obj['type']);
    const kind = objectKind(type);
    const dir =
      kind === 'sdo' ? 'sdos' : kind === 'sro' ? 'sros' : kind === 'sco' ? 'observables' : 'common';
    // Custom objects: bundle.json's rule, core for objects with versioning timestamps, else SCO core.
    const key =
      ids.get(`${dir}/${type}`) ??
      ids.get(
        'created' in obj || 'modified' in obj ? 'common/core' : 'common/cyber-observable-core',
      );
    if (key === undefined) throw new Error(`no schema for ${type}`);
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.getSchema(key);
      if (validate === undefined) throw new Error(`schema ${key} did not compile`);
      compiled.set(key, validate);
    }
    return validate(obj);
  };
}

describe.skipIf(!HAVE_SCHEMAS)(
  'agreement with the OASIS JSON schemas (../shared/interop absent)',
  () => {
    const schemaAccepts = HAVE_SCHEMAS ? loadAjv() : () => false;

    it.each(exampleObjects())('example %s: both accept', (_name, object) => {
      expect(schemaAccepts(object)).toBe(true);
      expect(validateObject(object).valid).toBe(true);
    });

    it('every ATT&CK for ICS object: both accept', () => {
      const objects = (icsBundle()?.['objects'] ?? []) as Array<Record<string, unknown>>;
      const disagreements = objects.filter((o) => schemaAccepts(o) !== validateObject(o).valid);
      expect(disagreements.map((o) => o['id'])).toEqual([]);
    });

    it.each(Object.entries(VALID))(
      'valid %s: both accept, except schema defects',
      (name, object) => {
        expect(validateObject(object).valid).toBe(true);
        expect(schemaAccepts(object)).toBe(!(name in SCHEMA_DEFECTS));
      },
    );

    it.each([...Object.values(TLP1), ...Object.values(TLP2)])(
      'TLP marking $id: both accept',
      (marking) => {
        expect(validateObject(marking).valid).toBe(true);
        expect(schemaAccepts(marking as Record<string, unknown>)).toBe(true);
      },
    );

    it.each(INVALID.map((c) => [c.name, c] as const))(
      'invalid "%s": both reject, except listed exceptions',
      (_name, c) => {
        expect(validateObject(c.object).valid).toBe(false);
        // An exception is real: the schema accepts what the specification forbids.
        expect(schemaAccepts(c.object)).toBe(c.stricter !== undefined);
      },
    );

    it('every exception and defect is justified and used', () => {
      const used = new Set(INVALID.flatMap((c) => (c.stricter === undefined ? [] : [c.stricter])));
      expect([...used].sort()).toEqual(Object.keys(SCHEMA_EXCEPTIONS).sort());
      for (const why of [...Object.values(SCHEMA_EXCEPTIONS), ...Object.values(SCHEMA_DEFECTS)]) {
        expect(why).toMatch(/§\d|schema/);
      }
      expect(Object.keys(SCHEMA_DEFECTS).every((k) => k in VALID)).toBe(true);
    });
  },
);
