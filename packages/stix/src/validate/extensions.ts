/**
 * The `extensions` dictionary (STIX 2.1 §3.2): keys are extension-definition ids (§7.3, with
 * an `extension_type` from extension-type-enum), predefined extension names of the object's
 * type (§3.10), or — deprecated, SCOs only — custom extension names ending in "-ext" (§11.3).
 */
import { isPlainObject } from '../guards';
import { isStixId } from '../identifier';
import type { Issues } from '../issues';
import { pointer } from '../issues';
import type { ObjectKind } from '../kinds';
import { isSpecType } from '../kinds';
import { EXTENSION_TYPE_ENUM } from '../vocab';
import type { ObjectSpec } from './engine';
import { checkAgainst } from './engine';
import { checkCustomProperty, customProperties } from './custom';

const EXTENSION_DEFINITION_PREFIX = 'extension-definition--';
/** §11.3.1: lowercase ASCII, digits and "-", ending in "-ext", 3–250 characters. */
const CUSTOM_EXTENSION_RE = /^[a-z0-9](?:[a-z0-9-]{0,244})-ext$/;

/** What the extensions of an object declare about it. */
export interface ExtensionFacts {
  /** §7.3: a new-sdo / new-sco / new-sro extension makes a custom object of that kind. */
  declaredKind: 'sdo' | 'sco' | 'sro' | null;
  /** A toplevel-property-extension is in use: unprefixed top-level properties are expected. */
  topLevel: boolean;
}

const NEW_KINDS: ReadonlyMap<string, 'sdo' | 'sco' | 'sro'> = new Map([
  ['new-sdo', 'sdo'],
  ['new-sco', 'sco'],
  ['new-sro', 'sro'],
]);

/** Reads the declarations without reporting anything (used before a spec is chosen). */
export function extensionFacts(obj: Record<string, unknown>): ExtensionFacts {
  const facts: ExtensionFacts = { declaredKind: null, topLevel: false };
  const ext = obj['extensions'];
  if (!Object.hasOwn(obj, 'extensions') || !isPlainObject(ext)) return facts;
  for (const key of Object.keys(ext)) {
    if (!key.startsWith(EXTENSION_DEFINITION_PREFIX)) continue;
    const body = ext[key];
    if (!isPlainObject(body)) continue;
    const type = body['extension_type'];
    if (type === 'toplevel-property-extension') facts.topLevel = true;
    const kind = typeof type === 'string' ? NEW_KINDS.get(type) : undefined;
    if (kind !== undefined) facts.declaredKind = kind;
  }
  return facts;
}

export interface ExtensionContext {
  readonly type: string;
  /** The kind the object is validated as (a custom object's declared or inferred kind). */
  readonly kind: ObjectKind;
  readonly predefined: ReadonlyMap<string, ObjectSpec> | undefined;
}

const predefinedCustom = customProperties({ wantPrefix: true });

export function checkExtensions(
  issues: Issues,
  obj: Record<string, unknown>,
  path: string,
  ctx: ExtensionContext,
): void {
  if (!Object.hasOwn(obj, 'extensions')) return;
  const ext = obj['extensions'];
  const at = pointer(path, 'extensions');
  if (!isPlainObject(ext)) {
    issues.error(at, 'type', 'must be a dictionary of extensions');
    return;
  }
  const names = Object.keys(ext);
  if (names.length === 0) {
    issues.error(at, 'empty', 'must not be an empty dictionary (§2.3)');
    return;
  }
  for (const name of names) {
    const entry = pointer(at, name);
    const body = ext[name];
    if (!isPlainObject(body)) {
      issues.error(entry, 'type', 'must be a JSON object holding the extension');
      continue;
    }
    if (Object.keys(body).length === 0) {
      issues.error(entry, 'empty', 'an extension must have at least one property');
      continue;
    }
    if (name.startsWith(EXTENSION_DEFINITION_PREFIX)) {
      checkDefinedExtension(issues, name, body, entry, ctx);
      continue;
    }
    const spec = ctx.predefined?.get(name);
    if (spec !== undefined) {
      checkAgainst(issues, body, entry, spec, predefinedCustom);
    } else if (name.length <= 250 && CUSTOM_EXTENSION_RE.test(name)) {
      checkCustomExtension(issues, body, entry, ctx);
    } else {
      issues.error(
        entry,
        'extension',
        `must be an extension-definition id or a predefined extension of ${ctx.type} (§3.2)`,
      );
    }
  }
}

/** §7.3: an extension instance keyed by the id of its extension definition. */
function checkDefinedExtension(
  issues: Issues,
  name: string,
  body: Record<string, unknown>,
  entry: string,
  ctx: ExtensionContext,
): void {
  if (!isStixId(name, 'extension-definition')) {
    issues.error(
      entry,
      'extension',
      'must be a well-formed extension-definition identifier (§7.3)',
    );
  }
  const type = body['extension_type'];
  const typePath = pointer(entry, 'extension_type');
  if (!Object.hasOwn(body, 'extension_type')) {
    issues.error(
      typePath,
      'required',
      'is required when the extension facility of §7.3 is used (§3.2)',
    );
  } else if (typeof type !== 'string') {
    issues.error(typePath, 'type', 'must be a string');
  } else if (!EXTENSION_TYPE_ENUM.has(type)) {
    issues.error(typePath, 'enum', 'must be a value of extension-type-enum (§10.5)');
  } else if (NEW_KINDS.has(type) && isSpecType(ctx.type)) {
    issues.error(
      typePath,
      'extension',
      `must not redefine the STIX-defined type ${ctx.type} (§7.3)`,
    );
  }
  for (const key of Object.keys(body)) {
    if (key !== 'extension_type')
      checkCustomProperty(issues, key, body[key], entry, { wantPrefix: false });
  }
}

/** §11.3: deprecated custom extensions, on SCOs only. */
function checkCustomExtension(
  issues: Issues,
  body: Record<string, unknown>,
  entry: string,
  ctx: ExtensionContext,
): void {
  if (ctx.kind !== 'sco') {
    issues.error(
      entry,
      'extension',
      'custom extensions (§11.3) can only be used on SCOs; use an extension-definition',
    );
    return;
  }
  issues.warn(
    entry,
    'extension',
    'custom extensions are deprecated (§11.3); prefer an extension-definition (§7.3)',
  );
  for (const key of Object.keys(body)) {
    checkCustomProperty(issues, key, body[key], entry, { wantPrefix: false });
  }
}
