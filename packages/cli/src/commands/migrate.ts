import { Command } from 'commander';
import { configFrom, dbOptions } from '../context';

export function migrateCommand(): Command {
  return dbOptions(new Command('migrate'))
    .description(
      'Apply database migrations (and create the first administrator from CONCORD_ADMIN_* if none exists).',
    )
    .action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
      const config = configFrom(opts);
      const { prepare } = await import('@concord/server');
      const { database, firstAdmin } = await prepare(config, {
        demo: false,
        allowGeneratedAdmin: false,
      });
      try {
        process.stdout.write(`Migrated ${database.description}.\n`);
        if (firstAdmin.created)
          process.stdout.write(`Created the first administrator: ${firstAdmin.email}\n`);
      } finally {
        await database.close();
      }
    });
}
