import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title';

export interface Crumb {
  label: string;
  to: string;
}

/**
 * The page's one <h1>. It takes focus after client-side navigation (see AppShell), so screen
 * reader users hear where they arrived, and it sets the document title.
 */
export function PageHeader({
  title,
  description,
  actions,
  breadcrumbs,
  documentTitle,
  meta,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  breadcrumbs?: Crumb[];
  /** Needed when `title` is not plain text. */
  documentTitle?: string;
  meta?: ReactNode;
}) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : null));
  return (
    <>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav className="breadcrumbs" aria-label="Breadcrumb">
          <ol>
            {breadcrumbs.map((crumb) => (
              <li key={crumb.to}>
                <Link to={crumb.to}>{crumb.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <header className="page-header">
        <div className="page-header-text">
          <h1 tabIndex={-1} data-page-heading="">
            {title}
          </h1>
          {meta ? (
            <div className="badge-list" style={{ marginBottom: 'var(--space-2)' }}>
              {meta}
            </div>
          ) : null}
          {description ? <p className="page-header-description">{description}</p> : null}
        </div>
        {actions ? <div className="page-header-actions">{actions}</div> : null}
      </header>
    </>
  );
}
