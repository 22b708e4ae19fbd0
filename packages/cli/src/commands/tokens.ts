import { Command, Option } from 'commander';
import { TOKEN_SCOPE_IDS, type TokenScope } from '@concord/server/vocabulary';
import { configFrom, withDeps, dbOptions } from '../context';
import { CliError } from '../errors';

const collect = (value: string, previous: string[]) => [...previous, value];

export function tokensCommand(): Command {
  const tokens = new Command('tokens').description('Manage API tokens from the console.');
  tokens.addCommand(
    dbOptions(new Command('create'))
      .description(
        'Create an API token for a user and print only the token on stdout. With the embedded database, run it while the server is stopped.',
      )
      .requiredOption('--email <email>', 'the user the token acts for')
      .requiredOption('--name <label>', 'a label to recognise the token by')
      .addOption(
        new Option(
          '--scope <scope>',
          `a scope; repeat for several (${TOKEN_SCOPE_IDS.join(', ')}; default read and write)`,
        )
          .argParser(collect)
          .default([]),
      )
      .option('--expires-in-days <days>', 'expire the token after this many days')
      .action(
        async (opts: {
          email: string;
          name: string;
          scope: string[];
          expiresInDays?: string;
          dataDir?: string;
          databaseUrl?: string;
        }) => {
          const scopes = opts.scope.length ? opts.scope : ['read', 'write'];
          const bad = scopes.find((s) => !(TOKEN_SCOPE_IDS as readonly string[]).includes(s));
          if (bad)
            throw new CliError(
              `--scope: '${bad}' is not a scope (${TOKEN_SCOPE_IDS.join(', ')})`,
              2,
            );
          let expiresInDays: number | undefined;
          if (opts.expiresInDays !== undefined) {
            if (
              !/^\d+$/.test(opts.expiresInDays) ||
              Number(opts.expiresInDays) < 1 ||
              Number(opts.expiresInDays) > 3650
            ) {
              throw new CliError('--expires-in-days: must be a whole number from 1 to 3650', 2);
            }
            expiresInDays = Number(opts.expiresInDays);
          }
          if (opts.name.trim() === '' || opts.name.length > 100)
            throw new CliError('--name: must be 1 to 100 characters', 2);
          const { createTokenForEmail, systemContext } = await import('@concord/server');
          const result = await withDeps(configFrom(opts), (deps) =>
            createTokenForEmail(
              deps,
              systemContext('cli', 'cli'),
              opts.email.trim().toLowerCase(),
              {
                name: opts.name,
                scopes: scopes as TokenScope[],
                expiresInDays,
              },
            ),
          );
          process.stdout.write(result.secret + '\n');
        },
      ),
  );
  return tokens;
}
