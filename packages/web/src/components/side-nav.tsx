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

interface NavTarget {
  path: string;
  label: string;
  hint: string;
  /** Current only on this exact path, not on the paths below it. */
  end?: boolean;
}

/** A titled list of links; the title names the list for screen readers. */
function NavGroup({
  title,
  links,
  onNavigate,
}: {
  title: string;
  links: readonly NavTarget[];
  onNavigate?: (() => void) | undefined;
}) {
  const titleId = useId();
  return (
    <div className="nav-group">
      <p className="nav-group-title" id={titleId}>
        {title}
      </p>
      <ul className="nav-list" aria-labelledby={titleId}>
        {links.map((link) => (
          <NavItem
            key={link.path}
            to={link.path}
            label={link.label}
            hint={link.hint}
            end={link.end}
            onNavigate={onNavigate}
          />
        ))}
      </ul>
    </div>
  );
}

const HOME: NavTarget = { path: '/', label: 'Home', hint: 'Your overview', end: true };

/** The main navigation; rendered in the sidebar on wide screens and in a drawer on narrow ones. */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  return (
    <nav className="nav" aria-label="Main">
      <NavGroup title="Regime" links={[HOME, ...REGIME_MODULES]} onNavigate={onNavigate} />
      {canAdminister(me) ? (
        <NavGroup title="Administration" links={ADMIN_PAGES} onNavigate={onNavigate} />
      ) : null}
    </nav>
  );
}
