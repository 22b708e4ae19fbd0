import type { Config } from './config';
import type { Database } from './db/client';
import type { Clock } from './platform/clock';
import type { Random } from './platform/random';
import type { LogIdentity } from './modules/ledger/identity';
import type { DirectEntry } from './modules/ledger/sequencer';

/** What services need from the outside world; tests pass fakes for clock and randomness. */
export interface Deps {
  database: Database;
  config: Config;
  clock: Clock;
  random: Random;
  /** The log's origin and the node's signing key. */
  log: LogIdentity;
  /** The running sequencer, when this process has one (not in one-off CLI commands). */
  ledger?: LedgerRuntime;
}

export interface LedgerRuntime {
  /** Something was queued: sequence soon. */
  wake(): void;
  /** The log index a queued submission received, once its batch has committed. */
  indexOf(queueId: number, timeoutMs?: number): Promise<number>;
  /** Appends outside any caller transaction; resolves with the index once durable. */
  append(entry: DirectEntry): Promise<number>;
}
