/**
 * @concord/stix — STIX 2.1 (OASIS Standard, 10 June 2021, with Errata 01) without I/O.
 *
 * Modules export their public surface from here; see each file's header for the sections of
 * the specification it implements.
 */
export * from './pattern/index';

export { STIX_ERROR_CODES, StixError, isStixError } from './errors';
export type { StixErrorCode } from './errors';
export { STIX_ISSUE_CODES } from './issues';
export type { StixIssue, StixIssueCode, ValidationResult } from './issues';
export { validateObject } from './validate/object';
export type { ValidateOptions } from './validate/object';
export { validateBundle } from './bundle';
export { isStixId, isStixTypeName, parseStixId } from './identifier';
export {
  compareStixTimestamps,
  isStixTimestamp,
  stixTimestampSortKey,
  tryCompareStixTimestamps,
} from './timestamp';
export { SCO_TYPES, SDO_TYPES, SRO_TYPES, isScoType, objectKind } from './kinds';
export type { ObjectKind, ScoType, SdoType, SroType } from './kinds';
export { versionOf } from './versioning';
export { STIX_SCO_NAMESPACE, deterministicScoId } from './deterministic-id';
export type { DeterministicIdOptions } from './deterministic-id';
export { ID_CONTRIBUTING_PROPERTIES } from './id-contributing';
export {
  TLP1,
  TLP2,
  TLP2_EXTENSION_ID,
  TLP_LEVELS,
  compareTlp,
  isTlpLevel,
  strictestTlp,
  tlpAllows,
  tlpAllowsResharing,
  tlpOf,
  tlpOfMarkingId,
} from './tlp';
export type { Tlp1Level, TlpDistribution, TlpLevel, TlpViewer } from './tlp';
export type {
  Bundle,
  ExternalReference,
  GranularMarking,
  Identity,
  Indicator,
  KillChainPhase,
  Malware,
  MarkingDefinition,
  ObservedData,
  Relationship,
  Report,
  Sighting,
  StixCyberObservableCommon,
  StixDomainCommon,
  StixObject,
} from './types';
