import type { Command } from 'commander';
import { Option } from 'commander';
import type { Config, ConfigFlags, Deps } from '@concord/server';
import { loadConfig } from '@concord/server/config';

export interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export function configFrom(opts: DbOptions & { port?: string; host?: string }): Config {
  const flags: ConfigFlags = {};
  if (opts.dataDir !== undefined) flags.dataDir = opts.dataDir;
  if (opts.databaseUrl !== undefined) flags.databaseUrl = opts.databaseUrl;
  if (opts.port !== undefined) flags.port = opts.port;
  if (opts.host !== undefined) flags.host = opts.host;
  return loadConfig(process.env, flags);
}

/** Opens and migrates the database for a one-off command, and always closes it. */
export async function withDeps<T>(config: Config, fn: (deps: Deps) => Promise<T>): Promise<T> {
  // Loaded on demand so that --help and usage errors stay fast.
  const { openDeps } = await import('@concord/server');
  const deps = await openDeps(config);
  try {
    return await fn(deps);
  } finally {
    await deps.database.close();
  }
}

export const dbOptions = (cmd: Command): Command =>
  cmd
    .addOption(new Option('--data-dir <dir>', 'embedded database folder (env CONCORD_DATA_DIR)'))
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL)'),
    );
