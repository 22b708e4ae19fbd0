/** Building blocks for the specs of top-level object types. */
import type { Check, Constraint, ObjectSpec } from './engine';
import { objectSpec } from './engine';
import { customProperties } from './custom';
import { SDO_COMMON_PROPS, SCO_COMMON_PROPS, selectorsResolve } from './common';
import { notBefore } from './constraints';

/** §3.2 table: the common properties every SDO, SRO and meta object with versioning requires. */
export const SDO_REQUIRED = ['type', 'spec_version', 'id', 'created', 'modified'] as const;
/** §3.2 table: SCOs require only type and id. */
export const SCO_REQUIRED = ['type', 'id'] as const;

export interface TopLevelParts {
  common: Record<string, Check>;
  props?: Record<string, Check>;
  required: readonly string[];
  constraints?: readonly Constraint[];
}

/** §3.2, §3.6.1: "The modified time MUST NOT be earlier than the created time." */
const modifiedAfterCreated = notBefore('created', 'modified');

/**
 * A top-level type: common and specific properties, the created/modified order, §7.2.3 selector
 * resolution, and custom properties for everything else.
 */
export function topLevel(type: string, parts: TopLevelParts): ObjectSpec {
  return objectSpec(type, {
    props: { ...parts.common, ...parts.props },
    required: parts.required,
    constraints: [modifiedAfterCreated, ...(parts.constraints ?? []), selectorsResolve],
    unknown: customProperties({ wantPrefix: true }),
  });
}

/** A kind of top-level object: its common properties and the ones it always requires. */
const withCommon =
  (common: Record<string, Check>, commonRequired: readonly string[]) =>
  (
    type: string,
    props: Record<string, Check>,
    required: readonly string[] = [],
    constraints: readonly Constraint[] = [],
  ): ObjectSpec =>
    topLevel(type, { common, props, required: [...commonRequired, ...required], constraints });

/** An SDO or SRO (§4, §5): the SDO/SRO common properties plus its own. */
export const domainObject = withCommon(SDO_COMMON_PROPS, SDO_REQUIRED);

/** An SCO (§6): the SCO common properties plus its own. */
export const observableObject = withCommon(SCO_COMMON_PROPS, SCO_REQUIRED);
