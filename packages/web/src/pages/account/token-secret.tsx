import { useEffect, useRef } from 'react';
import type { TokenCreated } from '@concord/api-client';
import { CopyButton } from '../../components/copy-button';
import { Icon } from '../../components/icons';

/**
 * The one and only time the secret is shown: the server stores just its hash. It lives in this
 * component's props and is gone once the user dismisses it or leaves the page.
 */
export function TokenSecret({ created, onDone }: { created: TokenCreated; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="notice notice--warning"
      role="region"
      aria-labelledby="token-secret-title"
      tabIndex={-1}
      ref={ref}
      style={{ marginBottom: 'var(--space-8)' }}
    >
      <Icon name="warning" />
      <div className="notice-body">
        <strong className="notice-title" id="token-secret-title">
          Copy your new token “{created.token.name}” now
        </strong>
        <p>
          This is the only time it will be shown. Store it somewhere safe, such as a password
          manager or your CI system’s secret store. If you lose it, revoke it and create another.
        </p>
        <div className="secret-box">
          <label htmlFor="token-secret" className="visually-hidden">
            Token secret
          </label>
          <input
            id="token-secret"
            className="input"
            readOnly
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            autoComplete="off"
          />
          <CopyButton text={created.secret} label="Copy token" />
        </div>
        <button type="button" className="btn btn-sm" onClick={onDone}>
          I have stored it safely
        </button>
      </div>
    </div>
  );
}
