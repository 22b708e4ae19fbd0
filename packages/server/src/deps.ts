import type { Config } from './config';
import type { Database } from './db/client';
import type { Clock } from './platform/clock';
import type { Random } from './platform/random';

/** What services need from the outside world; tests pass fakes for clock and randomness. */
export interface Deps {
  database: Database;
  config: Config;
  clock: Clock;
  random: Random;
}
