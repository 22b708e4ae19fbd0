import type { FieldError } from '../errors';

interface AjvLikeError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function pathToField(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be an e-mail address',
  uuid: 'must be a UUID',
  'date-time': 'must be an RFC 3339 date-time',
  date: 'must be a date (YYYY-MM-DD)',
  uri: 'must be an absolute URI',
};

/** Turns JSON-schema (ajv) errors into one entry per offending field. */
export function fieldErrorsFromValidation(errors: unknown[], context?: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const raw of errors as AjvLikeError[]) {
    const base = pathToField(raw.instancePath ?? '');
    let field = base;
    let message = raw.message ?? 'is not valid';
    const params = raw.params ?? {};
    switch (raw.keyword) {
      case 'required':
        field = [base, String(params.missingProperty)].filter(Boolean).join('.');
        message = 'is required';
        break;
      case 'additionalProperties':
        field = [base, String(params.additionalProperty)].filter(Boolean).join('.');
        message = 'is not a known field';
        break;
      case 'format':
        message = FORMAT_MESSAGES[String(params.format)] ?? message;
        break;
      case 'enum':
        message = `must be one of ${(params.allowedValues as unknown[] | undefined)?.join(', ') ?? 'the allowed values'}`;
        break;
      default:
        break;
    }
    if (!field) field = context === 'body' || context === undefined ? '(body)' : `(${context})`;
    // anyOf/const produce one error per branch; keep the first per field.
    if (raw.keyword === 'anyOf' && seen.has(field)) continue;
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    seen.add(field);
    out.push({ field, message });
  }
  // A field with a specific error does not also need the generic "must match a schema in anyOf".
  return out.filter(
    (e) =>
      !(
        e.message.startsWith('must match a schema in anyOf') &&
        out.some((o) => o.field === e.field && o !== e)
      ),
  );
}
