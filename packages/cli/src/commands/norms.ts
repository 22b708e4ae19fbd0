import fs from 'node:fs/promises';
import { Command, Option } from 'commander';
import { configFrom, withDeps, dbOptions, type DbOptions } from '../context';
import { CliError } from '../errors';

interface ExportOptions extends DbOptions {
  format: 'json' | 'csv';
  what: 'catalogue' | 'matrix';
  output?: string;
  publicOnly: boolean;
}

export function normsCommand(): Command {
  const norms = new Command('norms').description('The norms catalogue and the commitments matrix.');
  norms.addCommand(
    dbOptions(new Command('export'))
      .description(
        'Write the norms catalogue (every norm with its version history) or the commitments matrix (norms × participants) from the local database.',
      )
      .addOption(
        new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'),
      )
      .addOption(
        new Option('--what <what>', 'what to export')
          .choices(['catalogue', 'matrix'])
          .default('catalogue'),
      )
      .option(
        '--public-only',
        'matrix: only commitments from public doctrines (what the public portal shows)',
        false,
      )
      .option('-o, --output <file>', 'write to this file instead of standard output')
      .addHelpText(
        'after',
        '\nExamples:\n  concord norms export --format csv > norms.csv\n  concord norms export --what matrix --format csv --public-only -o matrix.csv',
      )
      .action(async (opts: ExportOptions) => {
        if (opts.output === '') throw new CliError('--output: must be a file path', 2);
        const server = await import('@concord/server');
        const text = await withDeps(configFrom(opts), async (deps) => {
          const ctx = server.systemContext('cli', 'cli');
          if (opts.what === 'catalogue') return server.exportCatalogue(deps, ctx, opts.format);
          return server.exportMatrix(deps, ctx, {
            format: opts.format,
            publicOnly: opts.publicOnly,
          });
        });
        if (opts.output) await fs.writeFile(opts.output, text);
        else process.stdout.write(text);
      }),
  );
  return norms;
}
