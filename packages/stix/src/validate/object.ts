/**
 * validateObject: one STIX 2.1 object (SDO, SRO, SCO, meta object or custom object) against
 * the specification. Never throws; every problem is an issue with a JSON-pointer path.
 */
import { isPlainObject } from '../guards';
import { isStixTypeName, parseStixId, uuidVersion } from '../identifier';
import { ID_CONTRIBUTING_PROPERTIES } from '../id-contributing';
import type { ValidationResult } from '../issues';
import { Issues } from '../issues';
import type { ObjectKind } from '../kinds';
import { objectKind } from '../kinds';
import type { ObjectSpec } from './engine';
import { checkAgainst, has } from './engine';
import { customProperties } from './custom';
import { SCO_COMMON_PROPS, SDO_COMMON_PROPS } from './common';
import { checkExtensions, extensionFacts } from './extensions';
import { META_SPECS } from './meta';
import { SCO_SPECS } from './sco';
import { PREDEFINED_EXTENSIONS } from './sco-extensions';
import { SDO_SPECS } from './sdo';
import { SRO_SPECS } from './sro';
import { SCO_REQUIRED, SDO_REQUIRED, topLevel } from './top-level';
import { literal } from './values';

export interface ValidateOptions {
  /**
   * Accept object types STIX 2.1 does not define (default true): they are validated for their
   * common properties only, with an 'unknown-type' warning. When false they are an error.
   */
  allowCustomTypes?: boolean;
}

const SPECS: ReadonlyMap<string, ObjectSpec> = new Map(
  [...SDO_SPECS, ...SRO_SPECS, ...SCO_SPECS, ...META_SPECS].map((spec) => [spec.name, spec]),
);

/** §11.2 / §7.3 custom objects: the common properties of the kind they resemble. */
const CUSTOM_SDO = topLevel('custom object', { common: SDO_COMMON_PROPS, required: SDO_REQUIRED });
const CUSTOM_SCO = topLevel('custom object', { common: SCO_COMMON_PROPS, required: SCO_REQUIRED });

const specVersion = literal('2.1');
const ownNames = customProperties({ wantPrefix: false });
const prefixedNames = customProperties({ wantPrefix: true });

export function validateObject(obj: unknown, options: ValidateOptions = {}): ValidationResult {
  const issues = new Issues();
  try {
    validateInto(issues, obj, (options as ValidateOptions | null)?.allowCustomTypes !== false);
  } catch {
    // Only exotic JS values get here (proxies, throwing getters): JSON never does.
    issues.error('', 'type', 'could not be read as a JSON object');
  }
  return issues.result();
}

function validateInto(issues: Issues, obj: unknown, allowCustomTypes: boolean): void {
  if (!isPlainObject(obj)) {
    issues.error('', 'type', 'a STIX object must be a JSON object');
    return;
  }
  if (!Object.hasOwn(obj, 'type')) {
    issues.error('/type', 'required', 'is required on every STIX object');
    return;
  }
  const type = obj['type'];
  if (typeof type !== 'string') {
    issues.error('/type', 'type', 'must be a string');
    return;
  }
  if (!isStixTypeName(type)) {
    issues.error(
      '/type',
      'format',
      'must be 3–250 lowercase ASCII letters, digits and single hyphens, starting with a letter (§3.1)',
    );
    return;
  }
  if (type === 'bundle') {
    issues.error(
      '/type',
      'unknown-type',
      'a bundle is not a STIX Object (§8); validate it with validateBundle',
    );
    return;
  }

  let kind: ObjectKind = objectKind(type);
  const custom = kind === 'custom';
  let spec = SPECS.get(type);
  const facts = extensionFacts(obj);
  if (spec === undefined) {
    if (!allowCustomTypes)
      issues.error('/type', 'unknown-type', `${type} is not a STIX 2.1 object type`);
    else
      issues.warn(
        '/type',
        'unknown-type',
        `${type} is not a STIX 2.1 object type; validated as a custom object (§11.2)`,
      );
    kind = customKind(obj, facts.declaredKind);
    spec = kind === 'sco' ? CUSTOM_SCO : CUSTOM_SDO;
  }

  checkId(issues, obj, type, kind);
  // §3.2: spec_version is "2.1"; whether it is required is in each type's required list.
  if (Object.hasOwn(obj, 'spec_version')) specVersion(issues, obj['spec_version'], '/spec_version');

  // Custom types and top-level property extensions bring their own, unprefixed, property names.
  checkAgainst(issues, obj, '', spec, custom || facts.topLevel ? ownNames : prefixedNames);
  if (custom) customHasOwnProperty(issues, obj, kind);
  checkExtensions(issues, obj, '', { type, kind, predefined: PREDEFINED_EXTENSIONS.get(type) });
  if (type === 'extension-definition' && Object.hasOwn(obj, 'extensions')) {
    issues.warn('/extensions', 'not-applicable', 'does not apply to extension definitions (§3.2)');
  }
}

/** A custom object is an SCO when it says so (new-sco), or when it has no versioning timestamps. */
function customKind(
  obj: Record<string, unknown>,
  declared: 'sdo' | 'sco' | 'sro' | null,
): ObjectKind {
  if (declared !== null) return declared;
  return has(obj, 'created') || has(obj, 'modified') ? 'sdo' : 'sco';
}

/** §11.2.1: "A Custom Object MUST have one or more properties" beyond the common ones. */
function customHasOwnProperty(
  issues: Issues,
  obj: Record<string, unknown>,
  kind: ObjectKind,
): void {
  const common = kind === 'sco' ? SCO_COMMON_PROPS : SDO_COMMON_PROPS;
  if (!Object.keys(obj).some((k) => !Object.hasOwn(common, k))) {
    issues.error(
      '',
      'required',
      'a custom object must have at least one property of its own (§11.2)',
    );
  }
}

/** SCO types whose ID contributing properties are all optional (§2.9 UUIDv4 rule applies). */
const ALL_OPTIONAL_CONTRIBUTORS = new Set([
  'artifact',
  'email-message',
  'process',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
]);

/** §2.9 identifier: form, type prefix, and the UUID version rules. */
function checkId(
  issues: Issues,
  obj: Record<string, unknown>,
  type: string,
  kind: ObjectKind,
): void {
  if (!Object.hasOwn(obj, 'id')) return; // reported as required by the type's spec
  const id = obj['id'];
  if (typeof id !== 'string') {
    issues.error('/id', 'type', 'must be an identifier string');
    return;
  }
  const parsed = parseStixId(id);
  if (parsed === null) {
    issues.error(
      '/id',
      'format',
      'must be an identifier "type--UUID" with an RFC 4122 UUID (§2.9)',
    );
    return;
  }
  if (parsed.type !== type) {
    issues.error('/id', 'format', `must start with "${type}--" (§2.9)`);
    return;
  }
  const version = uuidVersion(parsed.uuid);
  if (kind !== 'sco') {
    if (version !== 4) issues.warn('/id', 'format', 'should use a UUIDv4 (§2.9)');
    return;
  }
  if (ALL_OPTIONAL_CONTRIBUTORS.has(type) && version !== 4) {
    const contributors = ID_CONTRIBUTING_PROPERTIES.get(type) ?? [];
    if (!contributors.some((p) => has(obj, p))) {
      issues.error(
        '/id',
        'format',
        'must be a UUIDv4 when no ID contributing property is present (§2.9)',
      );
    }
  }
}
