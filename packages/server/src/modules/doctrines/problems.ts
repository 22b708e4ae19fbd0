import { registerProblemType } from '../../http/problem';
import { DomainError } from '../../errors';

export type DoctrineErrorCode = 'INVALID_DOCTRINE' | 'DOCTRINE_VERSION_CONFLICT';

export class DoctrineError extends DomainError<DoctrineErrorCode> {}

registerProblemType('INVALID_DOCTRINE', 422, 'The signed doctrine is not valid');
registerProblemType(
  'DOCTRINE_VERSION_CONFLICT',
  409,
  'The doctrine version does not follow the latest one',
);
