import { useMe } from '../../auth/session';
import { useMeta } from '../../api/meta';
import { AccountCard } from './participant-card';

/** For analysts, members, coordinators, assessors and observers: who they are and what they can do. */
export function MemberHome() {
  const me = useMe();
  const meta = useMeta();
  const roles = meta.data?.roles.filter((role) => me.roles.includes(role.id)) ?? [];
  return (
    <div className="card-grid card-grid-wide">
      <AccountCard />
      <section className="card" aria-labelledby="roles-card-title">
        <h2 className="card-title" id="roles-card-title">
          What your roles let you do
        </h2>
        {roles.length === 0 ? (
          <p className="muted small">
            {meta.isPending
              ? 'Loading…'
              : 'You have no roles yet. Ask an administrator of your organisation to assign one.'}
          </p>
        ) : (
          <ul className="plain-list">
            {roles.map((role) => (
              <li key={role.id}>
                <strong>{role.label}</strong>
                <span className="cell-sub">{role.description}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
