import { describe, it, expect } from 'vitest';
import { ApiError } from '@concord/api-client';
import { NO_ERRORS, checkFields, hasErrors, renameFieldErrors, toFormErrors } from './form-errors';

const LABELS = { email: 'Email address', roles: 'Roles', password: 'Password' };

const apiError = (
  code: string,
  detail: string,
  errors: { field: string; message: string }[] = [],
) =>
  new ApiError({
    status: 400,
    code,
    title: 'The request is not valid',
    detail,
    fieldErrors: errors,
    requestId: 'r1',
  });

describe('toFormErrors', () => {
  it('puts field errors beside their fields, worded as sentences', () => {
    const result = toFormErrors(
      apiError('VALIDATION_FAILED', 'email: must be an e-mail address', [
        { field: 'email', message: 'must be an e-mail address' },
        { field: 'roles.1', message: 'must be one of admin, member' },
      ]),
      LABELS,
    );
    expect(result.fields).toEqual({
      email: 'Email address must be an e-mail address',
      roles: 'Roles must be one of admin, member',
    });
    expect(result.summary).toBeNull();
  });

  it('keeps errors for fields the form does not show in the summary', () => {
    const result = toFormErrors(
      apiError('VALIDATION_FAILED', 'x', [{ field: '(body)', message: 'is not valid' }]),
      LABELS,
    );
    expect(result.fields).toEqual({});
    expect(result.summary).toBe('(body) is not valid');
  });

  it('assigns a whole-request code to its field when told which', () => {
    const result = toFormErrors(
      apiError('EMAIL_TAKEN', 'email: this address is already registered'),
      LABELS,
      {
        EMAIL_TAKEN: 'email',
      },
    );
    expect(result.fields.email).toBe('This address is already registered');
  });

  it('falls back to the detail as a summary, with the request id', () => {
    const result = toFormErrors(apiError('FORBIDDEN', 'You are not allowed to do this'), LABELS);
    expect(result).toEqual({
      summary: 'You are not allowed to do this',
      fields: {},
      requestId: 'r1',
    });
  });

  it('does not leak unknown errors', () => {
    expect(toFormErrors(new Error('secret stack'), LABELS).summary).toBe(
      'Something went wrong. Try again in a moment.',
    );
    expect(toFormErrors(null, LABELS)).toBe(NO_ERRORS);
  });
});

describe('checkFields', () => {
  it('keeps the first failing message per field', () => {
    const result = checkFields([
      ['email', true, 'Enter an email address'],
      ['email', true, 'Enter a valid email address'],
      ['password', false, 'Enter a password'],
    ]);
    expect(result.fields).toEqual({ email: 'Enter an email address' });
    expect(hasErrors(result)).toBe(true);
    expect(hasErrors(checkFields([['email', false, 'x']]))).toBe(false);
  });
});

describe('renameFieldErrors', () => {
  it('renames field paths so nested API fields land on the form’s own fields', () => {
    const error = new ApiError({
      status: 422,
      code: 'VALIDATION_FAILED',
      title: 'Invalid',
      detail: '',
      fieldErrors: [
        { field: 'channels.email', message: 'is not an e-mail address' },
        { field: 'name', message: 'is required' },
      ],
    });
    const renamed = renameFieldErrors(error, (f) => f.replace(/^channels\./, ''));
    expect(toFormErrors(renamed, { email: 'Email', name: 'Name' }).fields).toEqual({
      email: 'Email is not an e-mail address',
      name: 'Name is required',
    });
  });

  it('leaves other errors alone', () => {
    const plain = new Error('boom');
    expect(renameFieldErrors(plain, (f) => f)).toBe(plain);
  });
});
