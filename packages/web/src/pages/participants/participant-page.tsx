import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/session';
import { canChangeParticipantStatus, canManageParticipant } from '../../auth/permissions';
import { useParticipant } from '../../api/participants';
import { kindLabel, useMeta } from '../../api/meta';
import { PageHeader } from '../../components/page-header';
import { Badge, StatusBadge } from '../../components/badge';
import { Confirmation, Notice } from '../../components/notice';
import { recordPageFallback } from '../../components/record-page-fallback';
import { DateTime } from '../../components/time';
import { useFlash } from '../../hooks/use-flash';
import { ParticipantDetailsForm } from './participant-details-form';
import { ParticipantUsers } from './participant-users';
import { ParticipantKeys } from './participant-keys';

const breadcrumbs = [{ label: 'Participants', to: '/admin/participants' }];

export function ParticipantPage() {
  const { participantId = '' } = useParams();
  const me = useMe();
  const meta = useMeta();
  const participant = useParticipant(participantId);
  const [flash, dismissFlash] = useFlash();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!participant.isSuccess) {
    return recordPageFallback(participant, {
      title: 'Participant',
      breadcrumbs,
      loadingLabel: 'Loading participant…',
    });
  }

  const p = participant.data;
  const manage = canManageParticipant(me, p.id);
  return (
    <>
      <PageHeader
        title={p.name}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            <Badge tone="info">{kindLabel(meta.data, p.kind)}</Badge>
            <StatusBadge status={p.status} />
          </>
        }
        description={p.shortName ? `Also known as ${p.shortName}` : undefined}
        actions={
          manage && !editing ? (
            <>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                Edit details
              </button>
              <Link className="btn btn-primary" to={`/admin/users/new?participantId=${p.id}`}>
                Add a user
              </Link>
            </>
          ) : null
        }
      />
      <Confirmation message={flash} onDismiss={dismissFlash} />
      <Confirmation
        message={saved ? 'The participant’s details have been saved.' : null}
        onDismiss={() => setSaved(false)}
      />
      {p.status === 'suspended' ? (
        <Notice tone="warning" title="Suspended">
          This participant’s users cannot sign in or act for it until it is reactivated.
        </Notice>
      ) : null}

      {editing ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit details</h2>
          <ParticipantDetailsForm
            participant={p}
            canChangeStatus={canChangeParticipantStatus(me)}
            onDone={(didSave) => {
              setEditing(false);
              setSaved(didSave);
            }}
          />
        </section>
      ) : (
        <section aria-labelledby="details-heading">
          <h2 id="details-heading" className="visually-hidden">
            Details
          </h2>
          <dl className="details card">
            <dt>Kind</dt>
            <dd>{kindLabel(meta.data, p.kind)}</dd>
            <dt>Country</dt>
            <dd>
              {p.countryName ?? p.countryCode ?? <span className="muted">Not applicable</span>}
            </dd>
            <dt>Website</dt>
            <dd>
              {p.website ? (
                <a href={p.website} rel="noopener noreferrer" target="_blank">
                  {p.website}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                <span className="muted">None given</span>
              )}
            </dd>
            <dt>Description</dt>
            <dd style={{ whiteSpace: 'pre-line' }}>
              {p.description || <span className="muted">None given</span>}
            </dd>
            <dt>Registered</dt>
            <dd>
              <DateTime value={p.createdAt} />
            </dd>
            <dt>Last changed</dt>
            <dd>
              <DateTime value={p.updatedAt} />
            </dd>
          </dl>
        </section>
      )}

      <ParticipantUsers participant={p} canManage={manage} />
      <ParticipantKeys participant={p} canManage={manage} />
    </>
  );
}
