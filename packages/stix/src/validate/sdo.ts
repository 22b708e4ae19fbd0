/** STIX 2.1 §4 STIX Domain Objects: the property tables of §4.1.1–§4.19.1 and their rules. */
import { pointer } from '../issues';
import {
  ATTACK_MOTIVATION_OV,
  ATTACK_RESOURCE_LEVEL_OV,
  GROUPING_CONTEXT_OV,
  IDENTITY_CLASS_OV,
  IMPLEMENTATION_LANGUAGE_OV,
  INDICATOR_TYPE_OV,
  INDUSTRY_SECTOR_OV,
  INFRASTRUCTURE_TYPE_OV,
  MALWARE_CAPABILITIES_OV,
  MALWARE_RESULT_OV,
  MALWARE_TYPE_OV,
  OPINION_ENUM,
  PATTERN_TYPE_OV,
  PROCESSOR_ARCHITECTURE_OV,
  REGION_OV,
  REPORT_TYPE_OV,
  THREAT_ACTOR_ROLE_OV,
  THREAT_ACTOR_SOPHISTICATION_OV,
  THREAT_ACTOR_TYPE_OV,
  TOOL_TYPE_OV,
} from '../vocab';
import { isPlainObject } from '../guards';
import { parseStixId } from '../identifier';
import { objectKind } from '../kinds';
import type { Check, Constraint, ObjectSpec } from './engine';
import { has } from './engine';
import { atLeastOne, exclusive, notBefore, requires } from './constraints';
import { killChainPhase } from './common';
import { domainObject as sdo } from './top-level';
import {
  REF_ANY,
  boolean,
  enumeration,
  float,
  identifier,
  integer,
  list,
  openVocab,
  refTo,
  refToKinds,
  string,
  timestamp,
} from './values';

const ts = timestamp();
const strings = list(string);
const killChainPhases = list(killChainPhase);
const objectRefs = list(identifier(REF_ANY));
const software = identifier(refTo('software'));
const seenOrder = notBefore('first_seen', 'last_seen');

/** §4.10: region, country, or latitude and longitude. */
const locationWhere: Constraint = (issues, obj, path) => {
  if (has(obj, 'region') || has(obj, 'country')) return;
  if (has(obj, 'latitude') && has(obj, 'longitude')) return;
  issues.error(
    pointer(path, 'region'),
    'required',
    'one of region, country, or latitude and longitude is required (§4.10)',
  );
};

/** §4.11: "For a malware family the name MUST be defined." */
const familyNamed: Constraint = (issues, obj, path) => {
  if (obj['is_family'] === true && Object.hasOwn(obj, 'is_family') && !has(obj, 'name')) {
    issues.error(pointer(path, 'name'), 'required', 'is required when is_family is true (§4.11)');
  }
};

/** §4.14: exactly one of objects and object_refs. */
const observedContent: Constraint = (issues, obj, path) => {
  if (!has(obj, 'objects') && !has(obj, 'object_refs')) {
    issues.error(
      pointer(path, 'object_refs'),
      'required',
      'one of object_refs or objects is required (§4.14)',
    );
  }
};

/** §4.14: "The object_refs MUST contain at least one SCO reference if defined." */
const observedHasSco: Constraint = (issues, obj, path) => {
  const refs = obj['object_refs'];
  if (!Object.hasOwn(obj, 'object_refs') || !Array.isArray(refs) || refs.length === 0) return;
  const anySco = refs.some((ref) => {
    const parsed = typeof ref === 'string' ? parseStixId(ref) : null;
    if (parsed === null) return true; // malformed refs are reported on their own
    const kind = objectKind(parsed.type);
    return kind === 'sco' || kind === 'custom';
  });
  if (!anySco) {
    issues.error(
      pointer(path, 'object_refs'),
      'reference-type',
      'must contain at least one SCO reference (§4.14)',
    );
  }
};

/** §4.14 (deprecated) observable container: a non-empty dictionary of Cyber-observable Objects. */
const observableContainer: Check = (issues, value, path) => {
  if (!isPlainObject(value)) {
    issues.error(path, 'type', 'must be a dictionary of Cyber-observable Objects');
    return;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) issues.error(path, 'empty', 'must contain at least one object (§4.14)');
  for (const key of keys) {
    const item = value[key];
    const at = pointer(path, key);
    if (!isPlainObject(item)) issues.error(at, 'type', 'must be a Cyber-observable Object');
    else if (typeof item['type'] !== 'string' || !Object.hasOwn(item, 'type')) {
      issues.error(pointer(at, 'type'), 'required', 'is required on every Cyber-observable Object');
    }
  }
};

export const SDO_SPECS: readonly ObjectSpec[] = [
  // §4.1
  sdo(
    'attack-pattern',
    {
      name: string,
      description: string,
      aliases: strings,
      kill_chain_phases: killChainPhases,
    },
    ['name'],
  ),
  // §4.2
  sdo(
    'campaign',
    {
      name: string,
      description: string,
      aliases: strings,
      first_seen: ts,
      last_seen: ts,
      objective: string,
    },
    ['name'],
    [seenOrder],
  ),
  // §4.3 (action is RESERVED, see custom.ts)
  sdo('course-of-action', { name: string, description: string }, ['name']),
  // §4.4
  sdo(
    'grouping',
    {
      name: string,
      description: string,
      context: openVocab(GROUPING_CONTEXT_OV, 'grouping-context-ov'),
      object_refs: objectRefs,
    },
    ['context', 'object_refs'],
  ),
  // §4.5
  sdo(
    'identity',
    {
      name: string,
      description: string,
      roles: strings,
      identity_class: openVocab(IDENTITY_CLASS_OV, 'identity-class-ov'),
      sectors: list(openVocab(INDUSTRY_SECTOR_OV, 'industry-sector-ov')),
      contact_information: string,
    },
    ['name'],
  ),
  // §4.6
  sdo('incident', { name: string, description: string }, ['name']),
  // §4.7
  sdo(
    'indicator',
    {
      name: string,
      description: string,
      indicator_types: list(openVocab(INDICATOR_TYPE_OV, 'indicator-type-ov')),
      pattern: string,
      pattern_type: openVocab(PATTERN_TYPE_OV, 'pattern-type-ov'),
      pattern_version: string,
      valid_from: ts,
      valid_until: ts,
      kill_chain_phases: killChainPhases,
    },
    ['pattern', 'pattern_type', 'valid_from'],
    [notBefore('valid_from', 'valid_until', true)],
  ),
  // §4.8
  sdo(
    'infrastructure',
    {
      name: string,
      description: string,
      infrastructure_types: list(openVocab(INFRASTRUCTURE_TYPE_OV, 'infrastructure-type-ov')),
      aliases: strings,
      kill_chain_phases: killChainPhases,
      first_seen: ts,
      last_seen: ts,
    },
    ['name'],
    [seenOrder],
  ),
  // §4.9
  sdo(
    'intrusion-set',
    {
      name: string,
      description: string,
      aliases: strings,
      first_seen: ts,
      last_seen: ts,
      goals: strings,
      resource_level: openVocab(ATTACK_RESOURCE_LEVEL_OV, 'attack-resource-level-ov'),
      primary_motivation: openVocab(ATTACK_MOTIVATION_OV, 'attack-motivation-ov'),
      secondary_motivations: list(openVocab(ATTACK_MOTIVATION_OV, 'attack-motivation-ov')),
    },
    ['name'],
    [seenOrder],
  ),
  // §4.10
  sdo(
    'location',
    {
      name: string,
      description: string,
      latitude: float(-90, 90),
      longitude: float(-180, 180),
      precision: float(),
      region: openVocab(REGION_OV, 'region-ov'),
      country: string,
      administrative_area: string,
      city: string,
      street_address: string,
      postal_code: string,
    },
    [],
    [
      locationWhere,
      requires('latitude', 'longitude'),
      requires('longitude', 'latitude'),
      requires('precision', 'latitude', 'longitude'),
    ],
  ),
  // §4.11 (is_family: required in the 2021 OASIS Standard and the OASIS schemas)
  sdo(
    'malware',
    {
      name: string,
      description: string,
      malware_types: list(openVocab(MALWARE_TYPE_OV, 'malware-type-ov')),
      is_family: boolean,
      aliases: strings,
      kill_chain_phases: killChainPhases,
      first_seen: ts,
      last_seen: ts,
      operating_system_refs: list(software),
      architecture_execution_envs: list(
        openVocab(PROCESSOR_ARCHITECTURE_OV, 'processor-architecture-ov'),
      ),
      implementation_languages: list(
        openVocab(IMPLEMENTATION_LANGUAGE_OV, 'implementation-language-ov'),
      ),
      capabilities: list(openVocab(MALWARE_CAPABILITIES_OV, 'malware-capabilities-ov')),
      sample_refs: list(identifier(refTo('file', 'artifact'))),
    },
    ['is_family'],
    [familyNamed, seenOrder],
  ),
  // §4.12
  sdo(
    'malware-analysis',
    {
      product: string,
      version: string,
      host_vm_ref: software,
      operating_system_ref: software,
      installed_software_refs: list(software),
      configuration_version: string,
      modules: strings,
      analysis_engine_version: string,
      analysis_definition_version: string,
      submitted: ts,
      analysis_started: ts,
      analysis_ended: ts,
      result_name: string,
      result: openVocab(MALWARE_RESULT_OV, 'malware-result-ov'),
      analysis_sco_refs: list(identifier(refToKinds('a Cyber-observable Object', 'sco'))),
      sample_ref: identifier(refTo('file', 'network-traffic', 'artifact')),
    },
    ['product'],
    [atLeastOne('result', 'analysis_sco_refs')],
  ),
  // §4.13
  sdo(
    'note',
    {
      abstract: string,
      content: string,
      authors: strings,
      object_refs: objectRefs,
    },
    ['content', 'object_refs'],
  ),
  // §4.14
  sdo(
    'observed-data',
    {
      first_observed: ts,
      last_observed: ts,
      number_observed: integer(1, 999_999_999),
      objects: observableContainer,
      object_refs: list(
        identifier(refToKinds('a Cyber-observable Object or an SRO', 'sco', 'sro')),
      ),
    },
    ['first_observed', 'last_observed', 'number_observed'],
    [
      observedContent,
      exclusive('objects', 'object_refs'),
      observedHasSco,
      notBefore('first_observed', 'last_observed'),
    ],
  ),
  // §4.15
  sdo(
    'opinion',
    {
      explanation: string,
      authors: strings,
      opinion: enumeration(OPINION_ENUM, 'opinion-enum'),
      object_refs: objectRefs,
    },
    ['opinion', 'object_refs'],
  ),
  // §4.16
  sdo(
    'report',
    {
      name: string,
      description: string,
      report_types: list(openVocab(REPORT_TYPE_OV, 'report-type-ov')),
      published: ts,
      object_refs: objectRefs,
    },
    ['name', 'published', 'object_refs'],
  ),
  // §4.17
  sdo(
    'threat-actor',
    {
      name: string,
      description: string,
      threat_actor_types: list(openVocab(THREAT_ACTOR_TYPE_OV, 'threat-actor-type-ov')),
      aliases: strings,
      first_seen: ts,
      last_seen: ts,
      roles: list(openVocab(THREAT_ACTOR_ROLE_OV, 'threat-actor-role-ov')),
      goals: strings,
      sophistication: openVocab(THREAT_ACTOR_SOPHISTICATION_OV, 'threat-actor-sophistication-ov'),
      resource_level: openVocab(ATTACK_RESOURCE_LEVEL_OV, 'attack-resource-level-ov'),
      primary_motivation: openVocab(ATTACK_MOTIVATION_OV, 'attack-motivation-ov'),
      secondary_motivations: list(openVocab(ATTACK_MOTIVATION_OV, 'attack-motivation-ov')),
      personal_motivations: list(openVocab(ATTACK_MOTIVATION_OV, 'attack-motivation-ov')),
    },
    ['name'],
    [seenOrder],
  ),
  // §4.18
  sdo(
    'tool',
    {
      name: string,
      description: string,
      tool_types: list(openVocab(TOOL_TYPE_OV, 'tool-type-ov')),
      aliases: strings,
      kill_chain_phases: killChainPhases,
      tool_version: string,
    },
    ['name'],
  ),
  // §4.19
  sdo('vulnerability', { name: string, description: string }, ['name']),
];
