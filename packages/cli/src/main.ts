import { Command, CommanderError } from 'commander';
import { ConfigError, CONFIG_VARIABLES } from '@concord/server/config';
import { CliError } from './errors';
import { serveCommand } from './commands/serve';
import { migrateCommand } from './commands/migrate';
import { demoCommand } from './commands/demo';
import { usersCommand } from './commands/users';
import { tokensCommand } from './commands/tokens';
import { ledgerCommand } from './commands/ledger';
import { normsCommand } from './commands/norms';
import { intelCommand } from './commands/intel';

export function buildProgram(): Command {
  const program = new Command('concord')
    .description('Concord: run and operate a node of the cyber-norms regime.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nEnvironment:\n' + CONFIG_VARIABLES.map(([k, v]) => `  ${k.padEnd(34)} ${v}`).join('\n'),
    );
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(demoCommand());
  program.addCommand(usersCommand());
  program.addCommand(tokensCommand());
  program.addCommand(ledgerCommand());
  program.addCommand(normsCommand());
  program.addCommand(intelCommand());
  return program;
}

function describe(err: unknown): { message: string; code: number } {
  if (err instanceof CliError) return { message: err.message, code: err.exitCode };
  if (err instanceof ConfigError)
    return { message: `invalid configuration: ${err.message}`, code: 2 };
  // Matched by name: the server's classes are loaded only when a command runs.
  const name = (err as { name?: unknown }).name;
  if (name === 'DataDirLockedError' || name === 'DomainError') {
    return { message: (err as Error).message, code: 1 };
  }
  const e = err as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED')
    return { message: 'cannot reach the database (connection refused)', code: 1 };
  return { message: e.message ?? String(err), code: 1 };
}

/** Runs the CLI and returns the exit code; errors are one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const cmd of program.commands) {
    cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
    for (const sub of cmd.commands)
      sub.exitOverride().showHelpAfterError('(run with --help for usage)');
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; usage mistakes were already printed by commander.
      return err.exitCode === 0 ? 0 : 2;
    }
    const { message, code } = describe(err);
    process.stderr.write(`concord: ${message}\n`);
    return code;
  }
}
