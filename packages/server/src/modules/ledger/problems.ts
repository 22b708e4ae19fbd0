import { registerProblemType } from '../../http/problem';

registerProblemType('MALFORMED_ENVELOPE', 400, 'The statement envelope is malformed');
registerProblemType('UNKNOWN_KEY', 422, 'The statement is not signed by a registered key');
registerProblemType('KEY_REVOKED', 422, 'The signing key has been revoked');
registerProblemType(
  'KEY_NOT_OF_PARTICIPANT',
  403,
  'The signing key belongs to another participant',
);
registerProblemType('BAD_SIGNATURE', 422, 'The signature does not verify');
registerProblemType('ENTRY_TOO_LARGE', 413, 'The ledger entry is too large');
registerProblemType('LEDGER_TIMEOUT', 503, 'The ledger did not sequence the entry in time');
registerProblemType('LEDGER_NOT_INITIALISED', 503, 'The ledger is not initialised');
registerProblemType('LEDGER_KEY_MISMATCH', 503, "The process's log key is not the log's");
