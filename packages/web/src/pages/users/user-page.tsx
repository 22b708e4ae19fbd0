import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/session';
import { useUser } from '../../api/users';
import { kindLabel, useMeta } from '../../api/meta';
import { PageHeader } from '../../components/page-header';
import { Badge, StatusBadge } from '../../components/badge';
import { Confirmation, Notice } from '../../components/notice';
import { recordPageFallback } from '../../components/record-page-fallback';
import { DateTime } from '../../components/time';
import { useFlash } from '../../hooks/use-flash';
import { isLocked } from '../../lib/users';
import { EditUserForm } from './edit-user-form';
import { SetPasswordForm } from './set-password-form';

const breadcrumbs = [{ label: 'Users', to: '/admin/users' }];

export function UserPage() {
  const { userId = '' } = useParams();
  const me = useMe();
  const meta = useMeta();
  const user = useUser(userId);
  const [flash, dismissFlash] = useFlash();
  const [saved, setSaved] = useState(false);

  if (!user.isSuccess) {
    return recordPageFallback(user, { title: 'User', breadcrumbs, loadingLabel: 'Loading user…' });
  }

  const u = user.data;
  const self = u.id === me.id;
  return (
    <>
      <PageHeader
        title={u.displayName}
        breadcrumbs={breadcrumbs}
        description={u.email}
        meta={
          <>
            <StatusBadge status={u.status} />
            {isLocked(u.lockedUntil) ? <Badge tone="warning">Locked</Badge> : null}
            {self ? <Badge tone="info">You</Badge> : null}
          </>
        }
      />
      <Confirmation message={flash} onDismiss={dismissFlash} />
      <Confirmation
        message={saved ? <>Changes to {u.displayName} have been saved.</> : null}
        onDismiss={() => setSaved(false)}
      />
      {isLocked(u.lockedUntil) ? (
        <Notice tone="warning" title="Temporarily locked">
          Too many failed sign-in attempts. The account unlocks by itself at{' '}
          <DateTime value={u.lockedUntil} />.
        </Notice>
      ) : null}

      <div className="two-col">
        <section aria-labelledby="edit-user-heading" className="card">
          <h2 id="edit-user-heading" className="card-title">
            Name, roles and status
          </h2>
          <EditUserForm key={u.updatedAt} user={u} isSelf={self} onSaved={() => setSaved(true)} />
        </section>
        <div className="stack">
          <section aria-labelledby="user-details-heading" className="card">
            <h2 id="user-details-heading" className="card-title">
              Account
            </h2>
            <dl className="details details--stacked">
              <dt>Participant</dt>
              <dd>
                <Link to={`/admin/participants/${u.participant.id}`}>{u.participant.name}</Link>
                <span className="cell-sub">{kindLabel(meta.data, u.participant.kind)}</span>
              </dd>
              <dt>Email</dt>
              <dd>{u.email}</dd>
              <dt>Last sign-in</dt>
              <dd>
                <DateTime value={u.lastLoginAt} empty="Never" />
              </dd>
              <dt>Created</dt>
              <dd>
                <DateTime value={u.createdAt} />
              </dd>
              <dt>Last changed</dt>
              <dd>
                <DateTime value={u.updatedAt} />
              </dd>
            </dl>
            <div className="card-footer">
              <Link to={`/admin/audit?actorUserId=${u.id}`}>What this user has done</Link>
            </div>
          </section>
          <section aria-labelledby="password-heading" className="card">
            <h2 id="password-heading" className="card-title">
              Password
            </h2>
            {self ? (
              <p className="small">
                To change your own password, use <Link to="/account/password">Change password</Link>
                .
              </p>
            ) : (
              <SetPasswordForm user={u} />
            )}
          </section>
        </div>
      </div>
    </>
  );
}
