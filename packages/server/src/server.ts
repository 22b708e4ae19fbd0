/**
 * `concord serve`: open the database, migrate, bootstrap, listen, and shut down gracefully on
 * SIGTERM/SIGINT (in-flight requests finish, then the database is closed cleanly).
 */
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Deps } from './deps';
import { buildApp, DEFAULT_WEB_DIR } from './app';
import { openDatabase, targetFromConfig, type Database } from './db/client';
import { systemClock } from './platform/clock';
import { systemRandom } from './platform/random';
import { ensureFirstAdmin, type FirstAdminResult } from './bootstrap/first-admin';
import { formatDemoLogins, loadDemoCommunity, type DemoResult } from './demo/community';
import { seedCatalogue } from './modules/norms/seed';
import type { App } from './http/types';
import { MAINTENANCE_INTERVAL_MS, runMaintenance } from './maintenance';
import { startDirectoryJobs } from './modules/directory';
import { startIntelJobs } from './modules/intel/jobs';
import {
  configureWitnessedLogs,
  initLedger,
  loadIdentity,
  Sequencer,
  WitnessClient,
} from './modules/ledger';

export interface PrepareResult {
  database: Database;
  deps: Deps;
  demo: DemoResult | null;
  firstAdmin: FirstAdminResult;
}

/**
 * Opens and migrates the database, loads the node's log identity and creates the empty log
 * on first use: what every command that touches the database needs. The caller closes it.
 */
export async function openDeps(config: Config): Promise<Deps> {
  const database = await openDatabase(targetFromConfig(config));
  try {
    await database.migrate();
    const deps: Deps = {
      database,
      config,
      clock: systemClock,
      random: systemRandom,
      log: loadIdentity(config),
    };
    await initLedger(deps);
    await seedCatalogue(deps);
    return deps;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Opens the database and runs the bootstrap steps shared by serve and migrate. */
export async function prepare(
  config: Config,
  options: { demo: boolean; allowGeneratedAdmin: boolean },
): Promise<PrepareResult> {
  const deps = await openDeps(config);
  const { database } = deps;
  try {
    const demo = options.demo ? await loadDemoCommunity(deps) : null;
    const firstAdmin = await ensureFirstAdmin(deps, {
      email: config.adminEmail,
      password: config.adminPassword,
      allowGenerated: options.allowGeneratedAdmin,
    });
    return { database, deps, demo, firstAdmin };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export interface RunningServer {
  app: App;
  url: string;
  close(): Promise<void>;
}

export async function serve(
  config: Config,
  options: {
    demo: boolean;
    logger: Logger;
    print?: (line: string) => void;
    handleSignals?: boolean;
  },
): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const log = options.logger;
  const {
    database,
    deps: baseDeps,
    demo,
    firstAdmin,
  } = await prepare(config, {
    demo: options.demo,
    allowGeneratedAdmin: true,
  });
  const sequencer = new Sequencer(baseDeps, { batchMs: config.ledgerBatchMs, logger: log });
  const deps: Deps = { ...baseDeps, ledger: sequencer };
  await configureWitnessedLogs(deps, config.witnessedLogs);
  const witnesses = new WitnessClient(deps, log);
  if (witnesses.enabled) sequencer.onBatch = () => void witnesses.submitLatest();
  const { app, lifecycle } = await buildApp(deps, {
    logger: log,
    webDir: config.webDir ?? DEFAULT_WEB_DIR,
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    await database.close();
    throw err;
  }
  sequencer.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  print('');
  print(`Concord is running at ${url}  (${database.description})`);
  print(`API documentation: ${url}/api/docs`);
  if (demo?.loaded) {
    print('Loaded the demo community.');
    print(formatDemoLogins(demo.logins, demo.password));
  } else if (options.demo && demo && !demo.loaded) {
    print(`Demo community not loaded: ${demo.reason}.`);
  }
  if (firstAdmin.created) {
    print(`Created the first administrator: ${firstAdmin.email}`);
    if (firstAdmin.password)
      print(`  password (shown once, change it after signing in): ${firstAdmin.password}`);
  }
  print('');

  const maintain = () => {
    runMaintenance(deps).catch((err: unknown) => log.warn({ err }, 'maintenance failed'));
  };
  maintain();
  const maintenance = setInterval(maintain, MAINTENANCE_INTERVAL_MS);
  maintenance.unref();
  // Ping reminders and webhook retries; safe to run in every process (see directory/jobs.ts).
  const stopDirectoryJobs = startDirectoryJobs(deps, (err) =>
    log.warn({ err }, 'directory job failed'),
  );

  // Large TAXII envelopes accepted as 'pending' (see intel/jobs.ts).
  const stopIntelJobs = startIntelJobs(deps, (err) => log.warn({ err }, 'intel job failed'));

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(maintenance);
      lifecycle.shuttingDown = true;
      const timer = setTimeout(() => {
        log.warn('shutdown timed out; closing connections');
        app.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      timer.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(timer);
        await stopDirectoryJobs();
        await stopIntelJobs();
        await sequencer.stop();
        await database.close();
      }
    })();
    return closing;
  };

  if (options.handleSignals !== false) {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { app, url, close };
}
