import { useId, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { ParticipantKey } from '@concord/api-client';
import { Badge } from '../../components/badge';
import { Icon } from '../../components/icons';
import { TextField } from '../../components/field';
import { describeSeed, parseSeedFile, parseSeedText } from '../../lib/signing-key';
import { shortHex } from '../../lib/ledger';

export interface LoadedKey {
  seed: Uint8Array;
  keyId: string;
}

/** The participant's registered key a loaded key is, if any. */
export const registeredKey = (
  key: LoadedKey | null,
  keys: readonly ParticipantKey[] | undefined,
): ParticipantKey | null => (key ? (keys?.find((k) => k.fingerprint === key.keyId) ?? null) : null);

/** Whether a loaded key may sign for the participant, and if not, why. */
export function keyProblem(
  key: LoadedKey | null,
  keys: readonly ParticipantKey[] | undefined,
  participantName: string,
): string | null {
  if (!key) return 'Load your participant’s signing key first';
  if (!keys) return 'The participant’s registered keys are still loading';
  const registered = registeredKey(key, keys);
  if (!registered) return `This key is not registered for ${participantName}`;
  if (registered.status !== 'active') return 'This key has been revoked; load an active one';
  return null;
}

/**
 * Loads the participant's Ed25519 signing key into this page's memory: pasted (hex, base64 or
 * PEM) or from a file. It is never sent, stored or put in the address bar; reloading the page
 * or "Forget the key" drops it. The form that signs is outside: this panel only reads the key.
 */
export function SigningKeyPanel({
  idPrefix,
  participantName,
  keys,
  loaded,
  onLoad,
  error,
}: {
  idPrefix: string;
  participantName: string;
  /** The participant's registered keys, to tell whether the loaded one is theirs. */
  keys: readonly ParticipantKey[] | undefined;
  loaded: LoadedKey | null;
  onLoad: (key: LoadedKey | null) => void;
  /** A message about the key from the form (e.g. the server refused its signature). */
  error: string | undefined;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileId = useId();

  const accept = (seed: Uint8Array) => {
    onLoad({ seed, keyId: describeSeed(seed).keyId });
    setProblem(null);
    setText('');
  };

  const loadText = (event: FormEvent) => {
    event.preventDefault();
    const result = parseSeedText(text);
    if (result.ok) accept(result.seed);
    else setProblem(result.message);
  };

  const loadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 16_384) {
      setProblem('That file is too large to be a signing key.');
      return;
    }
    const result = parseSeedFile(new Uint8Array(await file.arrayBuffer()));
    if (result.ok) accept(result.seed);
    else setProblem(result.message);
  };

  const forget = () => {
    loaded?.seed.fill(0);
    onLoad(null);
  };

  if (loaded) {
    const trouble = keyProblem(loaded, keys, participantName);
    return (
      <section className="card key-panel" aria-labelledby={`${idPrefix}-key-heading`}>
        <h2 className="card-title" id={`${idPrefix}-key-heading`}>
          Signing key
        </h2>
        <p role="status" className="key-status">
          {trouble ? (
            <Badge tone="danger">
              <Icon name="alert" />
              {trouble}
            </Badge>
          ) : (
            <Badge tone="success">
              <Icon name="key" />
              Key loaded: {registeredKey(loaded, keys)?.label}
            </Badge>
          )}
        </p>
        <p className="small">
          Key id <span className="mono">{shortHex(loaded.keyId, 16)}</span>. It stays in this page’s
          memory and is never sent: only the signature leaves your browser.
        </p>
        {error ? (
          <p className="field-error" id={`${idPrefix}-key`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <button type="button" className="btn btn-sm" onClick={forget}>
          Forget the key
        </button>
      </section>
    );
  }

  return (
    <section className="card key-panel" aria-labelledby={`${idPrefix}-key-heading`}>
      <h2 className="card-title" id={`${idPrefix}-key-heading`}>
        Signing key
      </h2>
      <p className="small">
        The doctrine is signed here, in your browser, with {participantName}’s Ed25519 signing key.
        The key stays in this page’s memory and is never sent to the server.
      </p>
      {/* A form of its own, so Enter loads the key instead of submitting the doctrine. */}
      <form onSubmit={loadText} noValidate className="key-form">
        <TextField
          idPrefix={idPrefix}
          name="key"
          label="Signing key (private seed)"
          hint="32 bytes as hex or base64, or a PEM “PRIVATE KEY” block."
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={problem ?? error}
        />
        <button type="submit" className="btn">
          Load key
        </button>
      </form>
      <div className="field">
        <label className="field-label" htmlFor={fileId}>
          Or load it from a file
        </label>
        <input
          id={fileId}
          type="file"
          className="input-file"
          onChange={(event) => void loadFile(event)}
        />
      </div>
    </section>
  );
}
