import { useState } from 'react';
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

/** Every control gets a visible label, optional hint and error, all wired up with ARIA. */
interface FieldProps {
  /** Prefix that makes ids unique per form; the id is `${idPrefix}-${name}`. */
  idPrefix: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
}

export const fieldId = (idPrefix: string, name: string): string => `${idPrefix}-${name}`;

interface FieldIds {
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
}

function fieldIds({
  idPrefix,
  name,
  hint,
  error,
}: Pick<FieldProps, 'idPrefix' | 'name' | 'hint' | 'error'>): FieldIds {
  const id = fieldId(idPrefix, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

/** The hint and the error under a label or legend; `aria-describedby` points at both. */
function FieldMessages({
  ids,
  hint,
  error,
}: {
  ids: FieldIds;
  hint: ReactNode;
  error: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <span className="field-hint" id={ids.hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={ids.errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

/** What every single control gets from its field: id, name, and the ARIA that ties them up. */
interface ControlProps {
  id: string;
  name: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** Label, hint and error around one control, which `children` renders with `ControlProps`. */
function FieldFrame({
  field,
  children,
}: {
  field: FieldProps;
  children: (control: ControlProps) => ReactNode;
}) {
  const ids = fieldIds(field);
  const classes = ['field', field.error ? 'field--invalid' : '', field.className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <label className="field-label" htmlFor={ids.id}>
        {field.label}
        {field.optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      <FieldMessages ids={ids} hint={field.hint} error={field.error} />
      {children({
        id: ids.id,
        name: field.name,
        'aria-describedby': ids.describedBy,
        'aria-invalid': field.error ? true : undefined,
      })}
    </div>
  );
}

function split<T extends FieldProps>(props: T) {
  const { idPrefix, name, label, hint, error, optional, className, ...rest } = props;
  return { field: { idPrefix, name, label, hint, error, optional, className }, rest };
}

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField(props: TextFieldProps) {
  const { field, rest } = split(props);
  return (
    <FieldFrame field={field}>
      {(control) => <input className="input" {...rest} {...control} />}
    </FieldFrame>
  );
}

export function TextAreaField(
  props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>,
) {
  const { field, rest } = split(props);
  return (
    <FieldFrame field={field}>
      {(control) => <textarea className="textarea" {...rest} {...control} />}
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>,
) {
  const { field, rest } = split(props);
  return (
    <FieldFrame field={field}>
      {(control) => <select className="select" {...rest} {...control} />}
    </FieldFrame>
  );
}

/** An email address input, not spell-checked; `autoComplete` says whose address it is. */
export function EmailField({
  autoComplete,
  ...props
}: Omit<TextFieldProps, 'type' | 'autoComplete' | 'spellCheck'> & {
  autoComplete: 'username' | 'off';
}) {
  return <TextField {...props} type="email" autoComplete={autoComplete} spellCheck={false} />;
}

/**
 * A password input; `autoComplete` tells password managers whether to fill or to offer a new
 * one. `revealable` adds a "Show password" checkbox under it.
 */
export function PasswordField({
  autoComplete,
  revealable = false,
  ...props
}: Omit<TextFieldProps, 'type' | 'autoComplete'> & {
  autoComplete: 'current-password' | 'new-password';
  revealable?: boolean;
}) {
  const [shown, setShown] = useState(false);
  const input = (
    <TextField {...props} type={shown ? 'text' : 'password'} autoComplete={autoComplete} />
  );
  if (!revealable) return input;
  return (
    <>
      {input}
      <label className="checkbox-inline" style={{ marginTop: 'calc(-1 * var(--space-3))' }}>
        <input
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        Show password
      </label>
    </>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
  description?: string | undefined;
}

/**
 * Checkboxes (several values) or radios (one value) in a fieldset whose legend is the label.
 * The first control carries the field id, so the error summary can link to the group.
 */
export function ChoiceGroup<V extends string>({
  type,
  idPrefix,
  name,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  columns = false,
}: {
  type: 'checkbox' | 'radio';
  idPrefix: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  choices: readonly Choice<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  columns?: boolean;
}) {
  const ids = fieldIds({ idPrefix, name, hint, error });
  const toggle = (choice: V, checked: boolean) => {
    if (type === 'radio') onChange([choice]);
    else onChange(checked ? [...value, choice] : value.filter((v) => v !== choice));
  };
  return (
    <fieldset
      className={error ? 'fieldset field--invalid' : 'fieldset'}
      aria-describedby={ids.describedBy}
    >
      <legend className="fieldset-legend">{legend}</legend>
      <FieldMessages ids={ids} hint={hint} error={error} />
      <div className={columns ? 'choices choices-columns' : 'choices'}>
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? ids.id : `${ids.id}-${choice.value}`;
          const descId = choice.description ? `${choiceId}-desc` : undefined;
          return (
            <label className="choice" key={choice.value} htmlFor={choiceId}>
              <input
                type={type}
                id={choiceId}
                name={name}
                value={choice.value}
                checked={value.includes(choice.value)}
                onChange={(event) => toggle(choice.value, event.target.checked)}
                aria-describedby={descId}
              />
              <span className="choice-text">
                {choice.label}
                {/* Hidden from the name, announced as the description via aria-describedby. */}
                {choice.description ? (
                  <small id={descId} aria-hidden="true">
                    {choice.description}
                  </small>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
