export { buildApp, API_PREFIX, DEFAULT_WEB_DIR, VERSION } from './app';
export {
  loadConfig,
  testConfig,
  ConfigError,
  CONFIG_VARIABLES,
  type Config,
  type ConfigFlags,
} from './config';
export {
  openDatabase,
  targetFromConfig,
  joinTransaction,
  type Database,
  type DatabaseTarget,
  type Db,
} from './db/client';
export { DataDirLockedError } from './db/lock';
export { createLogger } from './logger';
export { serve, prepare, openDeps, type RunningServer } from './server';
export { loadDemoCommunity, formatDemoLogins, demoKeyPair } from './demo/community';
export { DEMO_COMMUNITY, DEMO_PASSWORD } from './demo/community.data';
export { ensureFirstAdmin } from './bootstrap/first-admin';
export { createUser } from './modules/users/service';
export { createTokenForEmail } from './modules/tokens/service';
export { findParticipantByName } from './modules/participants/store';
export { systemContext } from './auth/actor';
export { systemClock, FakeClock, type Clock } from './platform/clock';
export { systemRandom, type Random } from './platform/random';
export { DomainError } from './errors';
export {
  ROLE_IDS,
  TOKEN_SCOPE_IDS,
  PARTICIPANT_KIND_IDS,
  type Role,
  type TokenScope,
} from './auth/roles';
export type { Deps, LedgerRuntime } from './deps';
export {
  initLedger,
  loadIdentity,
  testIdentity,
  Sequencer,
  loadFrontier,
  sequenceBatch,
  checkLedger,
  type LedgerCheckReport,
} from './modules/ledger';
export type { App } from './http/types';
export { exportCatalogue, seedCatalogue } from './modules/norms';
export { exportMatrix } from './modules/doctrines/export';
export { importAtConsole } from './modules/intel/console';
