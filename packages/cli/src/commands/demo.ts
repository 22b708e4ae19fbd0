import { Command } from 'commander';
import { formatDemoLogins, loadDemoCommunity } from '@concord/server';
import { configFrom, withDeps, dbOptions } from '../context';
import { CliError } from '../errors';

export function demoCommand(): Command {
  return dbOptions(new Command('demo'))
    .description(
      'Load the demo community (states, a CERT, a vendor, a researcher, a secretariat, an assessor) into an empty database.',
    )
    .action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
      const result = await withDeps(configFrom(opts), (deps) => loadDemoCommunity(deps));
      if (!result.loaded) throw new CliError(`demo community not loaded: ${result.reason}`);
      process.stdout.write(formatDemoLogins(result.logins, result.password) + '\n');
    });
}
