import { Command, Option } from 'commander';
import { configFrom } from '../context';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Start the Concord server (API, web app, OpenAPI docs).')
    .option('--demo', 'load the demo community when the database is empty (evaluation only)', false)
    .addOption(new Option('-p, --port <port>', 'HTTP port (env PORT, default 8080)'))
    .addOption(new Option('--host <host>', 'interface to listen on (env HOST, default localhost)'))
    .addOption(new Option('--data-dir <dir>', 'embedded database folder (env CONCORD_DATA_DIR)'))
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL)'),
    )
    .addHelpText(
      'after',
      '\nWithout --database-url the embedded database in ./concord-data is used.\n' +
        'If the node has no administrator, one is created from CONCORD_ADMIN_EMAIL and\n' +
        'CONCORD_ADMIN_PASSWORD, or with a generated password printed once.',
    )
    .action(
      async (opts: {
        demo: boolean;
        port?: string;
        host?: string;
        dataDir?: string;
        databaseUrl?: string;
      }) => {
        const config = configFrom(opts);
        const { createLogger, serve } = await import('@concord/server');
        const logger = createLogger(config);
        await serve(config, { demo: opts.demo, logger });
        // Keep running until a signal arrives; serve() handles SIGTERM/SIGINT.
        await new Promise<never>(() => undefined);
      },
    );
}
