import { describe, expect, it } from 'vitest';
import { fieldErrorsFromValidation } from './validation';

describe('fieldErrorsFromValidation', () => {
  it('names nested, missing and unknown fields', () => {
    const errors = fieldErrorsFromValidation(
      [
        {
          instancePath: '/roles/1',
          keyword: 'enum',
          message: 'must be equal to one of the allowed values',
          params: { allowedValues: ['a', 'b'] },
        },
        {
          instancePath: '',
          keyword: 'required',
          message: "must have required property 'email'",
          params: { missingProperty: 'email' },
        },
        {
          instancePath: '',
          keyword: 'additionalProperties',
          message: 'must NOT have additional properties',
          params: { additionalProperty: 'shoe' },
        },
        {
          instancePath: '/contact/email',
          keyword: 'format',
          message: 'must match format "email"',
          params: { format: 'email' },
        },
        { instancePath: '/a~1b', keyword: 'type', message: 'must be string', params: {} },
      ],
      'body',
    );
    expect(errors).toEqual([
      { field: 'roles.1', message: 'must be one of a, b' },
      { field: 'email', message: 'is required' },
      { field: 'shoe', message: 'is not a known field' },
      { field: 'contact.email', message: 'must be an e-mail address' },
      { field: 'a/b', message: 'must be string' },
    ]);
  });

  it('labels whole-body errors and drops duplicate anyOf noise', () => {
    const errors = fieldErrorsFromValidation(
      [
        { instancePath: '', keyword: 'type', message: 'must be object', params: {} },
        { instancePath: '/x', keyword: 'const', message: 'must be equal to constant', params: {} },
        {
          instancePath: '/x',
          keyword: 'anyOf',
          message: 'must match a schema in anyOf',
          params: {},
        },
      ],
      'body',
    );
    expect(errors).toEqual([
      { field: '(body)', message: 'must be object' },
      { field: 'x', message: 'must be equal to constant' },
    ]);
  });
});
