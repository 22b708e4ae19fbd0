import { NavLink } from 'react-router';

export interface TabLink {
  to: string;
  label: string;
  /** Current only on exactly this path (default), not on the paths below it. */
  end?: boolean;
}

/**
 * Links between the views of one module ("Catalogue", "Amendments"). They are links, not an
 * ARIA tab widget: each view has its own address, and the current one is `aria-current`.
 */
export function Tabs({ label, links }: { label: string; links: readonly TabLink[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end ?? true} className="tab">
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
