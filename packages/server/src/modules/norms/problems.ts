import { registerProblemType } from '../../http/problem';

registerProblemType('NORM_EXISTS', 409, 'A norm with this identifier exists');
registerProblemType('NORM_NOT_ADOPTED', 409, 'The norm is not in force');
registerProblemType('AMENDMENT_STALE', 409, 'The norm has changed since the amendment was written');
registerProblemType('AMENDMENT_CLOSED', 409, 'The amendment has already been decided or withdrawn');
registerProblemType('NO_CHANGE', 422, 'The amendment changes nothing');
registerProblemType('UNKNOWN_TERM', 422, 'A glossary term does not exist');
registerProblemType('ALREADY_ENDORSED', 409, 'This participant has already endorsed the amendment');
