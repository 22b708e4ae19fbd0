/**
 * TypeScript shapes of STIX 2.1 objects, for code that builds or reads them after validation.
 * They describe, they do not check: validateObject is what establishes that a value conforms.
 * Every interface keeps an index signature because custom properties (§11.1) may appear anywhere.
 */

/** Any STIX object: what validateObject guarantees at the least. */
export type StixObject = { type: string; id: string; [k: string]: unknown };

/** §2.5 */
export interface ExternalReference {
  source_name: string;
  description?: string;
  url?: string;
  hashes?: Record<string, string>;
  external_id?: string;
}

/** §2.11 */
export interface KillChainPhase {
  kill_chain_name: string;
  phase_name: string;
}

/** §7.2.3 */
export interface GranularMarking {
  selectors: string[];
  marking_ref?: string;
  lang?: string;
}

/** §3.2: the common properties of SDOs and SROs. */
export interface StixDomainCommon {
  type: string;
  spec_version: '2.1';
  id: string;
  created_by_ref?: string;
  created: string;
  modified: string;
  revoked?: boolean;
  labels?: string[];
  confidence?: number;
  lang?: string;
  external_references?: ExternalReference[];
  object_marking_refs?: string[];
  granular_markings?: GranularMarking[];
  extensions?: Record<string, Record<string, unknown>>;
  [k: string]: unknown;
}

/** §3.2: the common properties of SCOs. */
export interface StixCyberObservableCommon {
  type: string;
  spec_version?: '2.1';
  id: string;
  object_marking_refs?: string[];
  granular_markings?: GranularMarking[];
  defanged?: boolean;
  extensions?: Record<string, Record<string, unknown>>;
  [k: string]: unknown;
}

/** §4.5 */
export interface Identity extends StixDomainCommon {
  type: 'identity';
  name: string;
  description?: string;
  roles?: string[];
  identity_class?: string;
  sectors?: string[];
  contact_information?: string;
}

/** §4.7 */
export interface Indicator extends StixDomainCommon {
  type: 'indicator';
  name?: string;
  description?: string;
  indicator_types?: string[];
  pattern: string;
  pattern_type: string;
  pattern_version?: string;
  valid_from: string;
  valid_until?: string;
  kill_chain_phases?: KillChainPhase[];
}

/** §4.11 */
export interface Malware extends StixDomainCommon {
  type: 'malware';
  name?: string;
  is_family: boolean;
  malware_types?: string[];
  aliases?: string[];
  kill_chain_phases?: KillChainPhase[];
  first_seen?: string;
  last_seen?: string;
  sample_refs?: string[];
}

/** §4.14 */
export interface ObservedData extends StixDomainCommon {
  type: 'observed-data';
  first_observed: string;
  last_observed: string;
  number_observed: number;
  object_refs?: string[];
  objects?: Record<string, Record<string, unknown>>;
}

/** §4.16 */
export interface Report extends StixDomainCommon {
  type: 'report';
  name: string;
  description?: string;
  report_types?: string[];
  published: string;
  object_refs: string[];
}

/** §5.1 */
export interface Relationship extends StixDomainCommon {
  type: 'relationship';
  relationship_type: string;
  description?: string;
  source_ref: string;
  target_ref: string;
  start_time?: string;
  stop_time?: string;
}

/** §5.2 */
export interface Sighting extends StixDomainCommon {
  type: 'sighting';
  description?: string;
  first_seen?: string;
  last_seen?: string;
  count?: number;
  sighting_of_ref: string;
  observed_data_refs?: string[];
  where_sighted_refs?: string[];
  summary?: boolean;
}

/** §7.2.1 */
export interface MarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created_by_ref?: string;
  created: string;
  name?: string;
  definition_type?: string;
  definition?: Record<string, unknown>;
  external_references?: ExternalReference[];
  object_marking_refs?: string[];
  granular_markings?: GranularMarking[];
  extensions?: Record<string, Record<string, unknown>>;
  [k: string]: unknown;
}

/** §8 */
export interface Bundle {
  type: 'bundle';
  id: string;
  objects?: StixObject[];
  [k: string]: unknown;
}
