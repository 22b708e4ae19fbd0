import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title';

/**
 * Last line of defence for a rendering error. `inline` keeps the app shell (navigation still
 * works); otherwise the whole page is replaced.
 */
export function RouteErrorPage({ inline = false }: { inline?: boolean }) {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  const status = isRouteErrorResponse(error) ? error.status : null;
  const body = (
    <div className="stack">
      <h1 tabIndex={-1} data-page-heading="">
        {status === 404 ? 'Page not found' : 'Something went wrong'}
      </h1>
      <p>
        This page could not be displayed. Reload the page to try again; if it keeps happening, tell
        your node’s administrators what you were doing.
      </p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </div>
  );
  if (inline) return body;
  return (
    <main className="auth-main" style={{ paddingTop: 'var(--space-12)' }}>
      <div className="auth-card">{body}</div>
    </main>
  );
}
