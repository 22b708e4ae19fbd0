import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { BrandMark, Icon } from './icons';
import { SkipLink, focusPageHeading } from './main-focus';
import { SideNav } from './side-nav';
import { UserMenu } from './user-menu';
import { Dialog } from './dialog';

/** Narrow screens get the menu button; keep in step with the breakpoint in layout.css. */
const NARROW_QUERY = '(max-width: 960px)';

export function AppShell() {
  const [navOpen, setNavOpen] = useState(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page's heading (or the main region), as
  // a full page load would, so keyboard and screen reader users start at the content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusPageHeading(mainRef.current);
  }, [location.pathname]);

  // If the window grows past the breakpoint while the drawer is open, the sidebar takes over.
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const onChange = () => {
      if (!query.matches) setNavOpen(false);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  return (
    <div className="shell">
      <SkipLink main={mainRef} />
      <header className="site-header">
        <button
          type="button"
          className="header-button menu-button"
          aria-expanded={navOpen}
          aria-haspopup="dialog"
          onClick={() => setNavOpen(true)}
        >
          <Icon name="menu" />
          Menu
        </button>
        <Link to="/" className="brand">
          <BrandMark />
          Concord
          <span className="brand-tagline">Cyber-norms regime</span>
        </Link>
        <div className="site-header-spacer" />
        <UserMenu />
      </header>
      <div className="shell-body">
        <div className="sidebar">
          <SideNav />
        </div>
        <main id="main" className="main" tabIndex={-1} ref={mainRef}>
          <div className="main-inner">
            <Outlet />
          </div>
        </main>
      </div>
      <NavDrawer open={navOpen} onClose={() => setNavOpen(false)} />
    </div>
  );
}

function NavDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Menu" variant="drawer" side="left">
      {open ? <SideNav onNavigate={onClose} /> : null}
    </Dialog>
  );
}
