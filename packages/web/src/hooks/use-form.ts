import { useState } from 'react';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../lib/form-errors';
import type { FormErrors } from '../lib/form-errors';

type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

/**
 * A form's values and its error messages, and the props that tie each field to both: the id
 * prefix (so the error summary can link to the field), name, value, error and change handler.
 * `labels` names the fields the server may complain about, as `toFormErrors` wants them.
 *
 *     const form = useForm({ idPrefix: FORM, initial: { email: '' }, labels: FIELDS });
 *     <ErrorSummary errors={form.errors} idPrefix={FORM} />
 *     <TextField {...form.field('email')} label="Email address" />
 */
export function useForm<V extends Record<string, unknown>>({
  idPrefix,
  initial,
  labels,
}: {
  idPrefix: string;
  initial: V;
  labels?: Readonly<Partial<Record<keyof V, string>>>;
}) {
  const [start] = useState<V>(initial);
  const [values, setValues] = useState<V>(start);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const set = <K extends keyof V>(name: K, value: V[K]) =>
    setValues((previous) => ({ ...previous, [name]: value }));

  return {
    idPrefix,
    values,
    set,
    setValues,
    errors,
    setErrors,

    /** Back to the initial values, with no messages shown. */
    reset: () => {
      setValues(start);
      setErrors(NO_ERRORS);
    },

    /** Props for a TextField, PasswordField, TextAreaField or SelectField. */
    field: <K extends KeysOf<V, string>>(name: K) => ({
      idPrefix,
      name,
      value: values[name] as string,
      error: errors.fields[name],
      onChange: (event: { target: { value: string } }) => set(name, event.target.value as V[K]),
    }),

    /** Props for a ChoiceGroup of checkboxes, whose value is the list of those ticked. */
    checkboxes: <K extends KeysOf<V, readonly string[]>>(name: K) => ({
      type: 'checkbox' as const,
      idPrefix,
      name,
      value: values[name] as V[K] & readonly string[],
      error: errors.fields[name],
      onChange: (value: V[K]) => set(name, value),
    }),

    /** Props for a ChoiceGroup of radios, whose value is the one chosen. */
    radios: <K extends KeysOf<V, string>>(name: K) => ({
      type: 'radio' as const,
      idPrefix,
      name,
      value: [values[name] as V[K] & string],
      error: errors.fields[name],
      onChange: ([chosen]: V[K][]) => {
        if (chosen) set(name, chosen);
      },
    }),

    /**
     * Runs the checks made before anything is sent and shows their messages (or clears the old
     * ones). True when the form may be sent.
     */
    check: (checks: readonly [field: keyof V & string, failed: boolean, message: string][]) => {
      const problems = checkFields(checks);
      setErrors(problems);
      return !hasErrors(problems);
    },

    /** Shows what the server found wrong; `codeFields` as in `toFormErrors`. */
    showServerErrors: (error: unknown, codeFields?: Partial<Record<string, keyof V & string>>) =>
      setErrors(
        toFormErrors(error, (labels ?? {}) as Readonly<Record<string, string>>, codeFields),
      ),
  };
}
