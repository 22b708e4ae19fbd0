import { countryName, kindLabel, useMeta } from '../../api/meta';
import type { ParticipantKind } from '@concord/api-client';
import { DateTime } from '../../components/time';
import { asKeyEvent } from '../../lib/ledger';
import type { DecodedLeaf, KeyEvent, KeyEventKey } from '../../lib/ledger';

const EVENT_LABELS: Record<KeyEvent['event'], string> = {
  register: 'Registered',
  rotate: 'Rotated (the previous key was revoked)',
  revoke: 'Revoked',
};

function KeyDetails({ k }: { k: KeyEventKey }) {
  return (
    <>
      {k.label}
      <span className="cell-sub">
        {k.algorithm === 'ed25519' ? 'Ed25519' : k.algorithm} · fingerprint{' '}
        <span className="mono">{k.fingerprint}</span>
      </span>
    </>
  );
}

/** A key event in words: whose key, which key, what happened to it and when (`<dl>` rows). */
function KeyEventRows({ event }: { event: KeyEvent }) {
  const meta = useMeta();
  const country = countryName(meta.data, event.participant.countryCode);
  return (
    <>
      <dt>Event</dt>
      <dd>{EVENT_LABELS[event.event]}</dd>
      <dt>Participant</dt>
      <dd>
        {event.participant.name}
        <span className="cell-sub">
          {kindLabel(meta.data, event.participant.kind as ParticipantKind)}
          {country ? ` · ${country}` : ''}
        </span>
      </dd>
      <dt>{event.event === 'rotate' ? 'New key' : 'Key'}</dt>
      <dd>
        <KeyDetails k={event.key} />
      </dd>
      {event.previousKey ? (
        <>
          <dt>Replaced key</dt>
          <dd>
            <KeyDetails k={event.previousKey} />
          </dd>
        </>
      ) : null}
      {event.reason ? (
        <>
          <dt>Reason</dt>
          <dd>{event.reason}</dd>
        </>
      ) : null}
      <dt>Stated at</dt>
      <dd>
        <DateTime value={event.at} />
      </dd>
    </>
  );
}

/** The statement the entry carries, decoded in this browser from the logged bytes. */
export function StatementView({
  leaf,
  signerName,
}: {
  leaf: DecodedLeaf | null;
  /** Who holds the signing key, when known ("this node", a participant's key label). */
  signerName: (keyId: string) => string | null;
}) {
  if (!leaf) {
    return (
      <section className="card" aria-labelledby="statement-heading">
        <h2 className="card-title" id="statement-heading">
          Record
        </h2>
        <p className="muted small">
          The logged bytes are not a Concord statement or commitment this browser can read.
        </p>
      </section>
    );
  }
  if (leaf.kind === 'commitment') {
    return (
      <section className="card" aria-labelledby="statement-heading">
        <h2 className="card-title" id="statement-heading">
          Sealed record
        </h2>
        <p className="small">
          The record is restricted, so the ledger holds only a salted commitment to it: proof that
          it existed at this point, without its content. Those entitled to read it receive the salt
          and can check it against this commitment.
        </p>
        <dl className="details">
          <dt>Payload type</dt>
          <dd className="mono">{leaf.payloadType}</dd>
          <dt>Commitment</dt>
          <dd className="mono">{leaf.commitment}</dd>
        </dl>
      </section>
    );
  }
  const event = asKeyEvent(leaf.payloadType, leaf.payload);
  return (
    <section className="card" aria-labelledby="statement-heading">
      <h2 className="card-title" id="statement-heading">
        Statement
      </h2>
      <dl className="details">
        {event ? <KeyEventRows event={event} /> : null}
        <dt>Payload type</dt>
        <dd className="mono">{leaf.payloadType}</dd>
        <dt>{leaf.keyIds.length === 1 ? 'Signing key' : 'Signing keys'}</dt>
        <dd>
          {leaf.keyIds.map((keyId) => (
            <span key={keyId} className="signing-key">
              <span className="mono">{keyId}</span>
              {signerName(keyId) ? <span className="cell-sub">{signerName(keyId)}</span> : null}
            </span>
          ))}
        </dd>
      </dl>
      <h3 className="subheading">Payload</h3>
      {leaf.payload === undefined ? (
        <p className="muted small">The payload is not JSON, so it is not shown here.</p>
      ) : (
        <pre className="code-block">{JSON.stringify(leaf.payload, null, 2)}</pre>
      )}
    </section>
  );
}
