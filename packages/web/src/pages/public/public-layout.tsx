import { useEffect, useRef } from 'react';
import { Link, NavigationType, Outlet, useLocation, useNavigationType } from 'react-router';
import { loginPath } from '../../auth/session';
import { BrandMark } from '../../components/icons';
import { SkipLink, focusPageHeading } from '../../components/main-focus';

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
        <Link className="header-button" to={loginPath('/doctrines/matrix')}>
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
        the glossary and the directory.
      </footer>
    </div>
  );
}
