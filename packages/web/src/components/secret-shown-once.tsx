import { useEffect, useRef, type ReactNode } from 'react';
import { CopyButton } from './copy-button';
import { Icon } from './icons';

/**
 * The one time a secret is shown (an API token, a webhook's signing secret): it lives in the
 * caller's state only and is gone once dismissed or the page is left. Takes focus on arrival so
 * the warning is read first.
 */
export function SecretShownOnce({
  id,
  title,
  label,
  copyLabel,
  secret,
  onDone,
  children,
}: {
  /** id of the input; the title gets `${id}-title`. */
  id: string;
  title: ReactNode;
  /** Accessible label of the input. */
  label: string;
  copyLabel: string;
  secret: string;
  onDone: () => void;
  /** What to do with the secret, and what to do if it is lost. */
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="notice notice--warning"
      role="region"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      ref={ref}
      style={{ marginBottom: 'var(--space-8)' }}
    >
      <Icon name="warning" />
      <div className="notice-body">
        <strong className="notice-title" id={`${id}-title`}>
          {title}
        </strong>
        <p>{children}</p>
        <div className="secret-box">
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
          <input
            id={id}
            className="input"
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            autoComplete="off"
          />
          <CopyButton text={secret} label={copyLabel} />
        </div>
        <button type="button" className="btn btn-sm" onClick={onDone}>
          I have stored it safely
        </button>
      </div>
    </div>
  );
}
