import { useState } from 'react';
import type { Participant, ParticipantKey } from '@concord/api-client';
import { useParticipantKeys } from '../../api/participants';
import { StatusBadge } from '../../components/badge';
import { Confirmation } from '../../components/notice';
import { EmptyState, QueryView, noItems } from '../../components/states';
import { ActionsHeader, DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { RegisterKeyForm } from './register-key-form';
import { RevokeKeyDialog } from './revoke-key-dialog';

/** The participant's Ed25519 public keys, which verify the statements it signs. */
export function ParticipantKeys({
  participant,
  canManage,
}: {
  participant: Participant;
  canManage: boolean;
}) {
  const keys = useParticipantKeys(participant.id);
  const [registering, setRegistering] = useState(false);
  const [revoking, setRevoking] = useState<ParticipantKey | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section className="section" id="keys" aria-labelledby="keys-heading">
      <div className="section-header">
        <div>
          <h2 id="keys-heading">Signing keys</h2>
          <p>
            Ed25519 public keys that verify the statements {participant.name} signs into the ledger.
          </p>
        </div>
        {canManage && !registering ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setMessage(null);
              setRegistering(true);
            }}
          >
            Register a key
          </button>
        ) : null}
      </div>
      <Confirmation message={message} onDismiss={() => setMessage(null)} />
      {registering ? (
        <div className="card" style={{ marginBottom: 'var(--space-5)' }}>
          <RegisterKeyForm
            participantId={participant.id}
            onDone={(key) => {
              setRegistering(false);
              if (key) setMessage(`Key “${key.label}” has been registered.`);
            }}
          />
        </div>
      ) : null}
      <QueryView
        query={keys}
        loadingLabel="Loading keys…"
        isEmpty={noItems}
        empty={
          <EmptyState icon="key" headingLevel={3} title="No keys registered">
            <p>Until a key is registered, nothing {participant.name} publishes can be verified.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable
            labelledBy="keys-heading"
            head={
              <>
                <th scope="col">Label</th>
                <th scope="col">Fingerprint</th>
                <th scope="col">Status</th>
                <th scope="col">Registered</th>
                {canManage ? <ActionsHeader /> : null}
              </>
            }
          >
            {data.items.map((key) => (
              <tr key={key.id}>
                <td>
                  <span className="cell-primary">{key.label}</span>
                  <span className="cell-sub">
                    {key.algorithm === 'ed25519' ? 'Ed25519' : key.algorithm}
                  </span>
                </td>
                <td>
                  <span className="mono">{key.fingerprint}</span>
                </td>
                <td>
                  <StatusBadge status={key.status} />
                  {key.status === 'revoked' ? (
                    <span className="cell-sub">
                      <DateTime value={key.revokedAt} mode="date" />
                      {key.revokedReason ? ` — ${key.revokedReason}` : ''}
                    </span>
                  ) : null}
                </td>
                <td className="nowrap">
                  <DateTime value={key.createdAt} mode="date" />
                </td>
                {canManage ? (
                  <td className="actions">
                    {key.status === 'active' ? (
                      <button
                        type="button"
                        className="btn btn-sm btn-danger-outline"
                        onClick={() => {
                          setMessage(null);
                          setRevoking(key);
                        }}
                      >
                        Revoke<span className="visually-hidden"> key {key.label}</span>
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <RevokeKeyDialog
        participantId={participant.id}
        target={revoking}
        onClose={(revoked) => {
          setRevoking(null);
          if (revoked) setMessage(`Key “${revoked.label}” has been revoked.`);
        }}
      />
    </section>
  );
}
