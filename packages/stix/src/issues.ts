/**
 * Validation issues. An error means the object violates a MUST of STIX 2.1; a warning means it
 * departs from a SHOULD (a value outside a suggested vocabulary, a custom property without the
 * `x_` prefix, an unknown object type accepted as custom, …).
 */

/** Stable issue codes; clients may switch on them. */
export const STIX_ISSUE_CODES = [
  /** A required property is missing (or one of a required set). */
  'required',
  /** The JSON type is wrong (string expected, got number, …). */
  'type',
  /** The value is of the right type but malformed (identifier, hash, address, selector, …). */
  'format',
  /** A value outside an enumeration, or a fixed value that does not match. */
  'enum',
  /** An identifier points at an object type the property does not allow. */
  'reference-type',
  /** A malformed timestamp, too little precision, or timestamps in the wrong order. */
  'timestamp',
  /** A property that requires, or forbids, another property. */
  'dependency',
  /** Mutually exclusive properties present together. */
  'exclusive',
  /** A number outside its allowed range. */
  'range',
  /** An empty list or dictionary (STIX 2.1 §2.3, §2.12). */
  'empty',
  /** A property name reserved by STIX 2.1 §3.8. */
  'reserved',
  /** A custom property whose name or value breaks §11.1, or that lacks the `x_` prefix. */
  'custom-property',
  /** An entry of the `extensions` dictionary that breaks §3.2, §7.3 or §11.3. */
  'extension',
  /** A common property that does not apply to this kind of object (§3.2 table). */
  'not-applicable',
  /** An object type this library does not define (accepted as custom unless disallowed). */
  'unknown-type',
  /** A value outside a suggested (open) vocabulary. */
  'vocabulary',
] as const;

export type StixIssueCode = (typeof STIX_ISSUE_CODES)[number];

export interface StixIssue {
  severity: 'error' | 'warning';
  /** JSON pointer (RFC 6901) to the offending value, e.g. "/object_marking_refs/0"; "" is the object. */
  path: string;
  code: StixIssueCode;
  /** Human-readable; starts with the property it is about, e.g. "modified: must be …". */
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: StixIssue[];
  warnings: StixIssue[];
}

/** Collects issues while a validator walks an object. */
export class Issues {
  readonly errors: StixIssue[] = [];
  readonly warnings: StixIssue[] = [];

  error(path: string, code: StixIssueCode, problem: string): void {
    this.errors.push({ severity: 'error', path, code, message: `${label(path)}: ${problem}` });
  }

  warn(path: string, code: StixIssueCode, problem: string): void {
    this.warnings.push({ severity: 'warning', path, code, message: `${label(path)}: ${problem}` });
  }

  result(): ValidationResult {
    return { valid: this.errors.length === 0, errors: this.errors, warnings: this.warnings };
  }
}

/** RFC 6901 §3: "~" and "/" in a key are escaped as "~0" and "~1". */
export function pointer(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}/${key}`;
  if (key.indexOf('~') === -1 && key.indexOf('/') === -1) return `${parent}/${key}`;
  return `${parent}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** "/external_references/0/url" → "external_references[0].url", for messages. */
export function label(path: string): string {
  if (path === '') return 'object';
  let out = '';
  for (const raw of path.slice(1).split('/')) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(part) && out !== '') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out.length > 200 ? `${out.slice(0, 200)}…` : out;
}
