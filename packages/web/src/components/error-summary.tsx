import { useEffect, useRef } from 'react';
import type { FormErrors } from '../lib/form-errors';
import { hasErrors } from '../lib/form-errors';
import { fieldId } from './field';

/**
 * The GOV.UK error summary: appears above the form after a failed submit, takes focus so it is
 * read out, and links each problem to its field.
 */
export function ErrorSummary({
  errors,
  idPrefix,
  title = 'There is a problem',
}: {
  errors: FormErrors;
  idPrefix: string;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = hasErrors(errors);

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, errors]);

  if (!visible) return null;
  const entries = Object.entries(errors.fields).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{title}</h2>
      {errors.summary ? <p>{errors.summary}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${fieldId(idPrefix, name)}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId(idPrefix, name))?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.requestId ? <span className="request-id">Reference: {errors.requestId}</span> : null}
    </div>
  );
}
