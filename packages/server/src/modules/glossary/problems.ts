import { registerProblemType } from '../../http/problem';
import { DomainError } from '../../errors';

export type GlossaryErrorCode = 'TERM_EXISTS';

export class GlossaryError extends DomainError<GlossaryErrorCode> {}

registerProblemType('TERM_EXISTS', 409, 'A glossary term with this identifier exists');
