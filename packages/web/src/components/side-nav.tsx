import { useId } from 'react';
import { NavLink } from 'react-router';
import { useMe } from '../auth/session';
import { canAdminister } from '../auth/permissions';
import { ADMIN_PAGES, REGIME_MODULES } from '../lib/modules';

function NavItem({
  to,
  label,
  hint,
  end = false,
  onNavigate,
}: {
  to: string;
  label: string;
  hint: string;
  end?: boolean;
  onNavigate?: (() => void) | undefined;
}) {
  const hintId = useId();
  // The hint is a description, not part of the link's name: "Users", not "Users Accounts and roles".
  return (
    <li>
      <NavLink
        to={to}
        end={end}
        className="nav-link"
        aria-describedby={hintId}
        onClick={onNavigate}
      >
        <span className="nav-label">{label}</span>
        <span className="nav-hint" id={hintId} aria-hidden="true">
          {hint}
        </span>
      </NavLink>
    </li>
  );
}

/** The main navigation; rendered in the sidebar on wide screens and in a drawer on narrow ones. */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const regimeId = useId();
  const adminId = useId();
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav-group">
        <p className="nav-group-title" id={regimeId}>
          Regime
        </p>
        <ul className="nav-list" aria-labelledby={regimeId}>
          <NavItem to="/" label="Home" hint="Your overview" end onNavigate={onNavigate} />
          {REGIME_MODULES.map((module) => (
            <NavItem
              key={module.id}
              to={module.path}
              label={module.label}
              hint={module.hint}
              onNavigate={onNavigate}
            />
          ))}
        </ul>
      </div>
      {canAdminister(me) ? (
        <div className="nav-group">
          <p className="nav-group-title" id={adminId}>
            Administration
          </p>
          <ul className="nav-list" aria-labelledby={adminId}>
            {ADMIN_PAGES.map((page) => (
              <NavItem
                key={page.path}
                to={page.path}
                label={page.label}
                hint={page.hint}
                onNavigate={onNavigate}
              />
            ))}
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
