import { isApiError } from '@concord/api-client';

export interface FormErrors {
  /** A message about the form as a whole, when no field is to blame. */
  summary: string | null;
  /** Messages keyed by field name, shown beside the field. */
  fields: Partial<Record<string, string>>;
  requestId: string | null;
}

export const NO_ERRORS: FormErrors = { summary: null, fields: {}, requestId: null };

/** `body.roles.1`, `/roles/1` and `roles.1` all belong to the `roles` field. */
function fieldName(path: string): string {
  const trimmed = path.replace(/^\/+/, '').replace(/^body[./]/, '');
  return trimmed.split(/[./[]/)[0] ?? trimmed;
}

/**
 * Sorts an API problem into field messages and a form-level summary. `codeFields` names the
 * field a whole-request error code is about (e.g. WEAK_PASSWORD → newPassword) when the server
 * sent no `errors[]` entry for it.
 */
export function toFormErrors(
  error: unknown,
  fieldNames: readonly string[],
  codeFields: Partial<Record<string, string>> = {},
): FormErrors {
  if (!error) return NO_ERRORS;
  if (!isApiError(error)) {
    return { summary: 'Something went wrong. Try again in a moment.', fields: {}, requestId: null };
  }
  const fields: Partial<Record<string, string>> = {};
  const leftovers: string[] = [];
  for (const item of error.fieldErrors) {
    const name = fieldName(item.field);
    if (fieldNames.includes(name)) {
      fields[name] ??= item.message;
    } else {
      leftovers.push(item.field ? `${item.field}: ${item.message}` : item.message);
    }
  }
  const codeField = codeFields[error.code];
  if (codeField && fields[codeField] === undefined) {
    fields[codeField] = error.detail || error.title;
  }
  const matched = Object.keys(fields).length > 0;
  const summary = leftovers.length > 0 ? leftovers.join(' ') : matched ? null : error.detail || error.title;
  return { summary, fields, requestId: error.requestId };
}

export const hasErrors = (errors: FormErrors): boolean =>
  errors.summary !== null || Object.keys(errors.fields).length > 0;

/** Client-side checks before a request is sent; the server re-checks everything. */
export function checkFields(checks: readonly [field: string, failed: boolean, message: string][]): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  for (const [field, failed, message] of checks) {
    if (failed) fields[field] ??= message;
  }
  return { summary: null, fields, requestId: null };
}
