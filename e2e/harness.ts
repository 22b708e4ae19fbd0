/**
 * Starts Concord for browser tests: the built web app and the API on a loopback port, with
 * the demo community on a fresh in-memory database. Builds the web app first if needed.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildApp,
  DEFAULT_WEB_DIR,
  DEMO_PASSWORD,
  loadDemoCommunity,
  openDatabase,
  systemClock,
  systemRandom,
  testConfig,
  initLedger,
  testIdentity,
  Sequencer,
  seedCatalogue,
} from '@concord/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface TestServer {
  url: string;
  close(): Promise<void>;
  demo: { adminEmail: string; password: string };
}

export function ensureWebBuild(): void {
  execSync('node scripts/ensure-web-build.mjs', { cwd: root, stdio: 'inherit' });
  if (!fs.existsSync(path.join(DEFAULT_WEB_DIR, 'index.html')))
    throw new Error('the web app did not build');
}

export async function startTestServer(): Promise<TestServer> {
  ensureWebBuild();
  const database = await openDatabase({ kind: 'memory' });
  await database.migrate();
  const deps = {
    database,
    config: testConfig(),
    clock: systemClock,
    random: systemRandom,
    log: testIdentity(),
  };
  await initLedger(deps);
  // As `concord serve` does: the shipped norms and glossary before the demo that refers to them.
  await seedCatalogue(deps);
  await loadDemoCommunity(deps);
  // The sequencer logs the demo's key registrations (and anything the browser adds).
  const sequencer = new Sequencer(deps, { batchMs: 50 });
  sequencer.start();
  const { app } = await buildApp({ ...deps, ledger: sequencer }, { webDir: DEFAULT_WEB_DIR });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    demo: { adminEmail: 'admin@secretariat.example', password: DEMO_PASSWORD },
    async close() {
      await app.close();
      await sequencer.stop();
      await database.close();
    },
  };
}
