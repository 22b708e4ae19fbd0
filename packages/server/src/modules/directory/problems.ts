/** The directory's own error codes, each mapped to one HTTP status (RFC 9457 problem types). */
import { registerProblemType } from '../../http/problem';

export type DirectoryErrorCode =
  | 'CONTACT_VALIDITY_OVERLAP'
  | 'CONTACT_ENDED'
  | 'NO_CURRENT_CONTACTS'
  | 'ROUND_CLOSED'
  | 'ALREADY_ACKNOWLEDGED';

registerProblemType(
  'CONTACT_VALIDITY_OVERLAP',
  422,
  'Another primary contact of this kind is valid in the same period',
);
registerProblemType('CONTACT_ENDED', 409, 'The contact already ends by then');
registerProblemType('NO_CURRENT_CONTACTS', 422, 'No point of contact is valid today');
registerProblemType('ROUND_CLOSED', 409, 'The ping round is closed');
registerProblemType('ALREADY_ACKNOWLEDGED', 409, 'Already acknowledged');
