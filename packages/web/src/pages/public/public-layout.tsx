import { useEffect, useRef } from 'react';
import {
  Link,
  NavLink,
  NavigationType,
  Outlet,
  useLocation,
  useNavigationType,
} from 'react-router';
import { loginPath } from '../../auth/session';
import { BrandMark } from '../../components/icons';
import { SkipLink, focusPageHeading } from '../../components/main-focus';

/** The portal's pages, in its header; the current one is marked (aria-current) by NavLink. */
const PUBLIC_PAGES = [
  { to: '/public/matrix', label: 'Commitments matrix' },
  { to: '/public/intel', label: 'Intelligence' },
];

/** Signing in from a public page leads to the members' version of it. */
const membersPathOf = (pathname: string): string =>
  pathname.startsWith('/public/intel') ? '/intel' : '/doctrines/matrix';

/**
 * The public portal's frame: no sign-in, no navigation of the signed-in app; a plain header
 * with the way in for members. Reached from a link (not a fresh load), the page's heading takes
 * the focus, as in the app shell.
 */
export function PublicLayout() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (navigationType === NavigationType.Pop) return;
    focusPageHeading(mainRef.current);
  }, [location.pathname, navigationType]);

  return (
    <div className="public-layout">
      <SkipLink main={mainRef} />
      <header className="site-header public-header">
        <Link to="/public/matrix" className="brand">
          <BrandMark />
          <span>
            Concord <span className="public-header-portal">— public portal</span>
          </span>
        </Link>
        <div className="site-header-spacer" />
        <nav aria-label="Public portal" style={{ display: 'flex', gap: 'var(--space-2)' }}>
          {PUBLIC_PAGES.map((p) => (
            <NavLink key={p.to} className="header-button" to={p.to}>
              {p.label}
            </NavLink>
          ))}
        </nav>
        <Link className="header-button" to={loginPath(membersPathOf(location.pathname))}>
          Sign in
        </Link>
      </header>
      <main id="main" className="main public-main" tabIndex={-1} ref={mainRef}>
        <div className="main-inner">
          <Outlet />
        </div>
      </main>
      <footer className="auth-footer">
        Concord runs the community’s cyber-norms regime. Members sign in to see community doctrines,
        the glossary, the directory and intelligence not marked TLP:CLEAR.
      </footer>
    </div>
  );
}
