import './problems';
export {
  recordNodeStatement,
  recordParticipantStatement,
  recordCommitment,
  type PendingEntry,
} from './service';
export { initLedger, loadIdentity, testIdentity, keyFingerprint } from './init';
export { Sequencer } from './runtime';
export { loadFrontier, sequenceBatch, type Frontier } from './sequencer';
export { ledgerApiRoutes } from './routes';
export { ledgerTileRoutes } from './tiles-routes';
export { witnessRoutes } from './witness-routes';
export { addCheckpoint, configureWitnessedLogs } from './witness';
export { WitnessClient } from './peers';
export type { LogIdentity } from './identity';
export { checkLedger, type LedgerCheckReport, type LedgerProblem } from './check';
