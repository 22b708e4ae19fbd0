import { useEffect, useRef } from 'react';
import { CopyButton } from '../../components/copy-button';
import { Icon } from '../../components/icons';

/**
 * The one time a webhook's signing secret is shown (as an API token's is, see TokenSecret): it
 * lives in this component's props only and is gone once dismissed or the page is left.
 */
export function WebhookSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="notice notice--warning"
      role="region"
      aria-labelledby="webhook-secret-title"
      tabIndex={-1}
      ref={ref}
      style={{ marginBottom: 'var(--space-8)' }}
    >
      <Icon name="warning" />
      <div className="notice-body">
        <strong className="notice-title" id="webhook-secret-title">
          Copy the webhook’s signing secret now
        </strong>
        <p>
          This is the only time it will be shown. Give it to the system that receives the
          deliveries, which checks every delivery’s signature with it (see “Verifying deliveries”).
          If it is lost, rotate it: a new secret replaces it at once.
        </p>
        <div className="secret-box">
          <label htmlFor="webhook-secret" className="visually-hidden">
            Signing secret
          </label>
          <input
            id="webhook-secret"
            className="input"
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            autoComplete="off"
          />
          <CopyButton text={secret} label="Copy secret" />
        </div>
        <button type="button" className="btn btn-sm" onClick={onDone}>
          I have stored it safely
        </button>
      </div>
    </div>
  );
}
