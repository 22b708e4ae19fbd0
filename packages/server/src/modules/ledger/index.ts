import './problems';
export {
  recordNodeStatement,
  recordParticipantStatement,
  recordCommitment,
  type PendingEntry,
} from './service';
export { initLedger, loadIdentity, testIdentity, keyFingerprint } from './init';
export { Sequencer } from './runtime';
export { sequenceBatch } from './sequencer';
export { ledgerApiRoutes } from './routes';
export { ledgerTileRoutes } from './tiles-routes';
export type { LogIdentity } from './identity';
export { checkLedger, type LedgerCheckReport, type LedgerProblem } from './check';
