import { Command, Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { ROLE_IDS, type Role } from '@concord/server/vocabulary';
import { configFrom, withDeps, dbOptions } from '../context';
import { CliError } from '../errors';
import { readStdin } from '../stdin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const collect = (value: string, previous: string[]) => [...previous, value];

export function usersCommand(): Command {
  const users = new Command('users').description('Manage user accounts from the console.');
  users.addCommand(
    dbOptions(new Command('create'))
      .description(
        'Create a user in a participant. Prints the generated password unless --password-stdin is given.',
      )
      .requiredOption('--email <email>', 'the user’s e-mail address (their login)')
      .requiredOption(
        '--participant <name-or-id>',
        'the participant the user belongs to (name or id)',
      )
      .option('--name <display-name>', 'display name (default: the part of the e-mail before @)')
      .addOption(
        new Option('--role <role>', `a role; repeat for several (${ROLE_IDS.join(', ')})`)
          .argParser(collect)
          .default([]),
      )
      .option(
        '--password-stdin',
        'read the password from standard input instead of generating one',
        false,
      )
      .action(
        async (opts: {
          email: string;
          participant: string;
          name?: string;
          role: string[];
          passwordStdin: boolean;
          dataDir?: string;
          databaseUrl?: string;
        }) => {
          const roles = opts.role.length ? opts.role : ['member'];
          const bad = roles.find((r) => !(ROLE_IDS as readonly string[]).includes(r));
          if (bad) throw new CliError(`--role: '${bad}' is not a role (${ROLE_IDS.join(', ')})`, 2);
          const password = opts.passwordStdin
            ? (await readStdin()).replace(/\r?\n$/, '')
            : randomBytes(18).toString('base64url');
          const { createUser, findParticipantByName, systemContext } =
            await import('@concord/server');
          const user = await withDeps(configFrom(opts), async (deps) => {
            let participantId = opts.participant;
            if (!UUID.test(participantId)) {
              const p = await findParticipantByName(deps.database.db, opts.participant);
              if (!p)
                throw new CliError(`--participant: no participant named '${opts.participant}'`);
              participantId = p.id;
            }
            return createUser(deps, systemContext('cli', 'cli'), {
              participantId,
              email: opts.email,
              displayName: opts.name ?? opts.email.split('@')[0] ?? opts.email,
              roles: roles as Role[],
              password,
            });
          });
          process.stdout.write(
            `Created ${user.email} (${user.roles.join(', ')}) in ${user.participant.name}.\n`,
          );
          if (!opts.passwordStdin) process.stdout.write(`Password (shown once): ${password}\n`);
        },
      ),
  );
  return users;
}
