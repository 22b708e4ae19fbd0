import { ApiError, isApiError } from '@concord/api-client';

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
 * The server words field messages as fragments ("must be at least 12 characters") meant to
 * follow the field's name; beside a labelled field, and in the summary, they read better whole.
 */
function sentence(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/**
 * Sorts an API problem into field messages and a form-level summary. `fields` maps each form
 * field to its label. `codeFields` names the field a whole-request error code is about (e.g.
 * EMAIL_TAKEN → email) when the server sent no `errors[]` entry for it.
 */
export function toFormErrors(
  error: unknown,
  fields: Readonly<Record<string, string>>,
  codeFields: Partial<Record<string, string>> = {},
): FormErrors {
  if (!error) return NO_ERRORS;
  if (!isApiError(error)) {
    return { summary: 'Something went wrong. Try again in a moment.', fields: {}, requestId: null };
  }
  const found: Partial<Record<string, string>> = {};
  const leftovers: string[] = [];
  for (const item of error.fieldErrors) {
    const name = fieldName(item.field);
    const label = fields[name];
    if (label !== undefined) {
      found[name] ??= sentence(label, item.message);
    } else {
      leftovers.push(item.field ? `${item.field} ${item.message}` : item.message);
    }
  }
  const codeField = codeFields[error.code];
  if (codeField && found[codeField] === undefined) {
    found[codeField] = stripFieldPrefix(error.detail) || error.title;
  }
  const matched = Object.keys(found).length > 0;
  const summary =
    leftovers.length > 0 ? leftovers.join('. ') : matched ? null : error.detail || error.title;
  return { summary, fields: found, requestId: matched ? null : error.requestId };
}

/** Details like "publicKey: this key is already registered" name the field we already show. */
function stripFieldPrefix(detail: string): string {
  const text = detail.replace(/^[A-Za-z.]+: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const hasErrors = (errors: FormErrors): boolean =>
  errors.summary !== null || Object.keys(errors.fields).length > 0;

/** Client-side checks before a request is sent; the server re-checks everything. */
export function checkFields(
  checks: readonly [field: string, failed: boolean, message: string][],
): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  for (const [field, failed, message] of checks) {
    if (failed) fields[field] ??= message;
  }
  return { summary: null, fields, requestId: null };
}

/**
 * The same problem with its field paths renamed, for forms whose fields are not named as the
 * API's (`channels.email` → `email`). Anything that is not an ApiError is returned unchanged.
 */
export function renameFieldErrors(error: unknown, rename: (field: string) => string): unknown {
  if (!isApiError(error)) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    title: error.title,
    detail: error.detail,
    requestId: error.requestId,
    extensions: { ...error.extensions },
    fieldErrors: error.fieldErrors.map((item) => ({ ...item, field: rename(item.field) })),
  });
}
