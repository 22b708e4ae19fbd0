import { DomainError } from '../../errors';

export type NormErrorCode =
  | 'NORM_EXISTS'
  | 'NORM_NOT_ADOPTED'
  | 'AMENDMENT_STALE'
  | 'AMENDMENT_CLOSED'
  | 'NO_CHANGE'
  | 'UNKNOWN_TERM'
  | 'ALREADY_ENDORSED';

export class NormError extends DomainError<NormErrorCode> {}
