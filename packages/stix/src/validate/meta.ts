/**
 * STIX 2.1 §7 meta objects: §7.1 Language Content, §7.2.1 Marking Definition (with the
 * §7.2.1.3 statement and §7.2.1.4 TLP types, and the OASIS TLP 2.0 extension) and §7.3
 * Extension Definition.
 */
import canonicalize from 'canonicalize';
import { isPlainObject } from '../guards';
import { pointer } from '../issues';
import { TLP1, TLP2, TLP2_EXTENSION_ID, isTlpLevel } from '../tlp';
import { EXTENSION_TYPE_ENUM } from '../vocab';
import type { Check, Constraint, ObjectSpec } from './engine';
import { has } from './engine';
import { isCustomPropertyName } from './custom';
import {
  EXTENSION_DEFINITION_COMMON_PROPS,
  LANGUAGE_COMMON_PROPS,
  MARKING_COMMON_PROPS,
} from './common';
import { requires } from './constraints';
import { isLanguageTag } from './formats';
import { SDO_REQUIRED, topLevel } from './top-level';
import { anyValue, enumeration, identifier, list, openVocab, string, timestamp } from './values';

function same(a: unknown, b: unknown): boolean {
  try {
    return canonicalize(a) === canonicalize(b);
  } catch {
    return false; // NaN, Infinity: not JSON, so not the predefined object
  }
}

/** §7.2.1: without extensions, definition_type and definition are required. */
const definitionPresent: Constraint = (issues, obj, path) => {
  if (has(obj, 'extensions')) return;
  for (const key of ['definition_type', 'definition']) {
    if (!has(obj, key)) {
      issues.error(
        pointer(path, key),
        'required',
        'is required when extensions is absent (§7.2.1)',
      );
    }
  }
};

/** §7.2.1.3 statement and §7.2.1.4 TLP marking object types. */
const definitionContent: Constraint = (issues, obj, path) => {
  const kind = obj['definition_type'];
  const definition = obj['definition'];
  if (!has(obj, 'definition') || typeof kind !== 'string') return;
  const at = pointer(path, 'definition');
  if (!isPlainObject(definition)) {
    issues.error(at, 'type', 'must be a JSON object');
    return;
  }
  if (kind === 'statement') {
    if (!Object.hasOwn(definition, 'statement')) {
      issues.error(
        pointer(at, 'statement'),
        'required',
        'is required in a statement marking (§7.2.1.3)',
      );
    } else if (typeof definition['statement'] !== 'string') {
      issues.error(pointer(at, 'statement'), 'type', 'must be a string');
    }
  } else if (kind === 'tlp') {
    checkTlp1(issues, obj, definition, path);
  }
};

/**
 * §7.2.1.4: "Other instances of tlp-marking MUST NOT be used or created": a TLP 1.0 marking
 * must be, property for property, one of the four predefined objects.
 */
function checkTlp1(
  issues: Parameters<Constraint>[0],
  obj: Record<string, unknown>,
  definition: Record<string, unknown>,
  path: string,
): void {
  const level = definition['tlp'];
  const expected =
    level === 'white' || level === 'green' || level === 'amber' || level === 'red'
      ? TLP1[level]
      : undefined;
  if (expected === undefined) {
    issues.error(
      pointer(pointer(path, 'definition'), 'tlp'),
      'enum',
      'must be white, green, amber or red (§7.2.1.4)',
    );
    return;
  }
  const keys = new Set([...Object.keys(obj), ...Object.keys(expected)]);
  for (const key of keys) {
    const actual = Object.hasOwn(obj, key) ? obj[key] : undefined;
    const wanted = Object.hasOwn(expected, key) ? expected[key] : undefined;
    if (!same(actual, wanted)) {
      issues.error(
        pointer(path, key),
        'enum',
        `must match the predefined TLP:${String(level).toUpperCase()} marking definition (§7.2.1.4)`,
      );
    }
  }
}

/**
 * The OASIS TLP 2.0 extension: tlp_2_0 names a level, and the marking is the published object
 * for that level (the extension's JSON schema fixes id and name per level).
 */
const tlp2Content: Constraint = (issues, obj, path) => {
  const ext = obj['extensions'];
  if (!isPlainObject(ext) || !Object.hasOwn(ext, TLP2_EXTENSION_ID)) return;
  const body = ext[TLP2_EXTENSION_ID];
  if (!isPlainObject(body)) return;
  const at = pointer(pointer(path, 'extensions'), TLP2_EXTENSION_ID);
  const level = body['tlp_2_0'];
  if (!Object.hasOwn(body, 'tlp_2_0')) {
    issues.error(pointer(at, 'tlp_2_0'), 'required', 'is required by the TLP 2.0 extension');
    return;
  }
  if (!isTlpLevel(level)) {
    issues.error(
      pointer(at, 'tlp_2_0'),
      'enum',
      'must be clear, green, amber, amber+strict or red',
    );
    return;
  }
  const expected = TLP2[level];
  for (const key of ['id', 'name']) {
    if (obj[key] !== expected[key]) {
      issues.error(
        pointer(path, key),
        'enum',
        `must be ${String(expected[key])} for TLP 2.0 ${level}`,
      );
    }
  }
};

/** §3.2 object_marking_refs / granular_markings: a marking must not mark itself. */
const notSelfMarked: Constraint = (issues, obj, path) => {
  const id = obj['id'];
  const refs = obj['object_marking_refs'];
  if (typeof id !== 'string') return;
  if (Array.isArray(refs)) {
    refs.forEach((ref, i) => {
      if (ref === id) {
        issues.error(
          `${path}/object_marking_refs/${i}`,
          'reference-type',
          'must not reference this marking definition itself (§3.2)',
        );
      }
    });
  }
  const granular = obj['granular_markings'];
  if (Array.isArray(granular)) {
    granular.forEach((g: unknown, i) => {
      if (isPlainObject(g) && g['marking_ref'] === id) {
        issues.error(
          `${path}/granular_markings/${i}/marking_ref`,
          'reference-type',
          'must not reference this marking definition itself (§3.2)',
        );
      }
    });
  }
};

const MARKING = topLevel('marking-definition', {
  common: MARKING_COMMON_PROPS,
  props: {
    name: string,
    definition_type: openVocab(new Set(['statement', 'tlp']), 'the marking types of §7.2.1'),
    definition: (issues, value, path) => {
      if (!isPlainObject(value)) issues.error(path, 'type', 'must be a JSON object');
    },
  },
  required: ['type', 'spec_version', 'id', 'created'],
  constraints: [
    definitionPresent,
    requires('definition_type', 'definition'),
    requires('definition', 'definition_type'),
    definitionContent,
    tlp2Content,
    notSelfMarked,
  ],
});

/**
 * §7.1.1 contents: keys are RFC 5646 language codes; each value is a dictionary mirroring the
 * target's property names with translated strings, lists or nested objects.
 */
const contents: Check = (issues, value, path) => {
  if (!isPlainObject(value)) {
    issues.error(path, 'type', 'must be a dictionary of language codes to translations');
    return;
  }
  const languages = Object.keys(value);
  if (languages.length === 0) issues.error(path, 'empty', 'must not be an empty dictionary (§2.3)');
  for (const lang of languages) {
    const at = pointer(path, lang);
    if (!isLanguageTag(lang))
      issues.error(at, 'format', 'keys must be RFC 5646 language codes (§7.1)');
    const translation = value[lang];
    if (!isPlainObject(translation)) {
      issues.error(at, 'type', 'must be a dictionary of translated properties (§7.1)');
      continue;
    }
    const props = Object.keys(translation);
    if (props.length === 0) issues.error(at, 'empty', 'must not be an empty dictionary (§2.3)');
    for (const prop of props) {
      const pat = pointer(at, prop);
      if (!isCustomPropertyName(prop))
        issues.error(pat, 'format', 'must be a property name (§3.1)');
      anyValue(issues, translation[prop], pat);
    }
  }
};

const LANGUAGE_CONTENT = topLevel('language-content', {
  common: LANGUAGE_COMMON_PROPS,
  props: {
    object_ref: identifier({
      accepts: (type) => type !== 'bundle' && type !== 'language-content',
      describe: 'a STIX Object other than a language-content',
    }),
    object_modified: timestamp(),
    contents,
  },
  required: [...SDO_REQUIRED, 'object_ref', 'contents'],
});

/** §7.3.1: extension_properties only with toplevel-property-extension (and then SHOULD). */
const topLevelProperties: Constraint = (issues, obj, path) => {
  const types = obj['extension_types'];
  const topLevelExt = Array.isArray(types) && types.includes('toplevel-property-extension');
  if (has(obj, 'extension_properties') && !topLevelExt) {
    issues.error(
      pointer(path, 'extension_properties'),
      'dependency',
      'must only be used when extension_types includes toplevel-property-extension (§7.3.1)',
    );
  } else if (topLevelExt && !has(obj, 'extension_properties')) {
    issues.warn(
      pointer(path, 'extension_properties'),
      'required',
      'should list the top-level properties (§7.3.1)',
    );
  }
};

const EXTENSION_DEFINITION = topLevel('extension-definition', {
  common: EXTENSION_DEFINITION_COMMON_PROPS,
  props: {
    name: string,
    description: string,
    schema: string,
    version: string,
    extension_types: list(enumeration(EXTENSION_TYPE_ENUM, 'extension-type-enum')),
    extension_properties: list(string),
  },
  required: [...SDO_REQUIRED, 'created_by_ref', 'name', 'schema', 'version', 'extension_types'],
  constraints: [topLevelProperties],
});

export const META_SPECS: readonly ObjectSpec[] = [MARKING, LANGUAGE_CONTENT, EXTENSION_DEFINITION];
