import type { TokenCreated } from '@concord/api-client';
import { SecretShownOnce } from '../../components/secret-shown-once';

/** The one and only time the secret is shown: the server stores just its hash. */
export function TokenSecret({ created, onDone }: { created: TokenCreated; onDone: () => void }) {
  return (
    <SecretShownOnce
      id="token-secret"
      title={<>Copy your new token “{created.token.name}” now</>}
      label="Token secret"
      copyLabel="Copy token"
      secret={created.secret}
      onDone={onDone}
    >
      This is the only time it will be shown. Store it somewhere safe, such as a password manager or
      your CI system’s secret store. If you lose it, revoke it and create another.
    </SecretShownOnce>
  );
}
