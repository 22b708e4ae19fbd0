import { Link } from 'react-router';
import { useMe } from '../../auth/session';
import { countryName, kindLabel, roleLabel, useMeta } from '../../api/meta';
import { Badge } from '../../components/badge';
import { DateTime } from '../../components/time';

/** Who you are here: your organisation and what your roles let you do. */
export function AccountCard({ linkToParticipant = false }: { linkToParticipant?: boolean }) {
  const me = useMe();
  const meta = useMeta();
  const country = countryName(meta.data, me.participant.countryCode);
  return (
    <section className="card" aria-labelledby="account-card-title">
      <h2 className="card-title" id="account-card-title">
        Your organisation
      </h2>
      <dl className="details">
        <dt>Participant</dt>
        <dd>
          {linkToParticipant ? (
            <Link to={`/admin/participants/${me.participant.id}`}>{me.participant.name}</Link>
          ) : (
            me.participant.name
          )}
        </dd>
        <dt>Kind</dt>
        <dd>{kindLabel(meta.data, me.participant.kind)}</dd>
        {country ? (
          <>
            <dt>Country</dt>
            <dd>{country}</dd>
          </>
        ) : null}
        <dt>Your roles</dt>
        <dd>
          <span className="badge-list">
            {me.isPlatformAdmin ? <Badge tone="info">Platform administrator</Badge> : null}
            {me.roles.map((role) => (
              <Badge key={role}>{roleLabel(meta.data, role)}</Badge>
            ))}
          </span>
        </dd>
        <dt>Previous sign-in</dt>
        <dd>
          <DateTime value={me.lastLoginAt} empty="This is your first sign-in" />
        </dd>
      </dl>
      <div className="card-footer">
        <Link to="/account/password">Change password</Link> ·{' '}
        <Link to="/account/tokens">API tokens</Link>
      </div>
    </section>
  );
}
