import { Command } from 'commander';
import { configFrom, withDeps, dbOptions } from '../context';
import { CliError } from '../errors';

export function demoCommand(): Command {
  return dbOptions(new Command('demo'))
    .description(
      'Load the demo community (states, a CERT, a vendor, a researcher, a secretariat, an assessor) into an empty database.',
    )
    .action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
      const { formatDemoLogins, loadDemoCommunity } = await import('@concord/server');
      const result = await withDeps(configFrom(opts), (deps) => loadDemoCommunity(deps));
      if (!result.loaded) throw new CliError(`demo community not loaded: ${result.reason}`);
      process.stdout.write(formatDemoLogins(result.logins, result.password) + '\n');
    });
}
