import { Link, Outlet } from 'react-router';
import { useMe } from './session';
import { canAdminister } from './permissions';
import { PageHeader } from '../components/page-header';

/**
 * Administration pages are for a participant's administrators and the secretariat's. Others
 * get a plain explanation instead of forms the server would refuse anyway.
 */
export function RequireAdmin() {
  const me = useMe();
  if (canAdminister(me)) return <Outlet />;
  return (
    <>
      <PageHeader
        title="You do not have access to this page"
        description="Administration pages are for the administrators of each participant and of the secretariat."
      />
      <p>
        If you need to manage users or keys for {me.participant.name}, ask one of its administrators
        to give you the administrator role.
      </p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </>
  );
}
