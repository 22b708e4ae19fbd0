import { Link } from 'react-router';
import type { User } from '@concord/api-client';

/** A table cell with the user's name, linked to their page, and their email address under it. */
export function UserNameCell({ user }: { user: Pick<User, 'id' | 'displayName' | 'email'> }) {
  return (
    <td>
      <Link className="cell-primary" to={`/admin/users/${user.id}`}>
        {user.displayName}
      </Link>
      <span className="cell-sub">{user.email}</span>
    </td>
  );
}
