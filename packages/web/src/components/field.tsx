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

function useFieldIds({ idPrefix, name, hint, error }: FieldProps) {
  const id = fieldId(idPrefix, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldFrame({
  props,
  ids,
  children,
}: {
  props: FieldProps;
  ids: ReturnType<typeof useFieldIds>;
  children: ReactNode;
}) {
  const classes = ['field', props.error ? 'field--invalid' : '', props.className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <label className="field-label" htmlFor={ids.id}>
        {props.label}
        {props.optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      {props.hint ? (
        <span className="field-hint" id={ids.hintId}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span className="field-error" id={ids.errorId}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

function split<T extends FieldProps>(props: T) {
  const { idPrefix, name, label, hint, error, optional, className, ...rest } = props;
  return { field: { idPrefix, name, label, hint, error, optional, className }, rest };
}

export function TextField(
  props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>,
) {
  const { field, rest } = split(props);
  const ids = useFieldIds(field);
  return (
    <FieldFrame props={field} ids={ids}>
      <input
        className="input"
        {...rest}
        id={ids.id}
        name={field.name}
        aria-describedby={ids.describedBy}
        aria-invalid={field.error ? true : undefined}
      />
    </FieldFrame>
  );
}

export function TextAreaField(
  props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>,
) {
  const { field, rest } = split(props);
  const ids = useFieldIds(field);
  return (
    <FieldFrame props={field} ids={ids}>
      <textarea
        className="textarea"
        {...rest}
        id={ids.id}
        name={field.name}
        aria-describedby={ids.describedBy}
        aria-invalid={field.error ? true : undefined}
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>,
) {
  const { field, rest } = split(props);
  const ids = useFieldIds(field);
  return (
    <FieldFrame props={field} ids={ids}>
      <select
        className="select"
        {...rest}
        id={ids.id}
        name={field.name}
        aria-describedby={ids.describedBy}
        aria-invalid={field.error ? true : undefined}
      />
    </FieldFrame>
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
  const id = fieldId(idPrefix, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (choice: V, checked: boolean) => {
    if (type === 'radio') onChange([choice]);
    else onChange(checked ? [...value, choice] : value.filter((v) => v !== choice));
  };
  return (
    <fieldset
      className={error ? 'fieldset field--invalid' : 'fieldset'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="fieldset-legend">{legend}</legend>
      {hint ? (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <div className={columns ? 'choices choices-columns' : 'choices'}>
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? id : `${id}-${choice.value}`;
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
