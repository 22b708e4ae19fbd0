import { Link, useLocation } from 'react-router';
import { PageHeader } from '../components/page-header';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <>
      <PageHeader
        title="Page not found"
        description="There is no page at this address on this Concord node."
      />
      <p>
        If you typed the address, check it is correct: <code>{location.pathname}</code>. If you
        followed a link, the record may have been removed or you may not have access to it.
      </p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </>
  );
}
