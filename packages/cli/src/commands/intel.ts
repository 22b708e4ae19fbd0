import fs from 'node:fs';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { configFrom, withDeps, dbOptions, type DbOptions } from '../context';
import { CliError } from '../errors';

interface ImportOptions extends DbOptions {
  collection: string;
  as?: string;
  tlp: 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';
  batch: string;
  progress: boolean;
  index: boolean;
}

export function intelCommand(): Command {
  const intel = new Command('intel').description('Intelligence exchange: STIX 2.1 collections.');
  intel.addCommand(
    dbOptions(new Command('import'))
      .description(
        'Import a STIX 2.1 bundle of any size into a collection of the local database, streamed in batches (each batch one transaction; re-running skips what is stored). Invalid objects are listed and skipped.',
      )
      .argument('<file>', 'a STIX 2.1 bundle (JSON); - for standard input')
      .requiredOption('-c, --collection <alias-or-id>', 'the collection, e.g. attack-ics')
      .option('--as <email>', "share as this user (default: the secretariat's first administrator)")
      .addOption(
        new Option('--tlp <level>', 'TLP 2.0 level for objects without a TLP marking')
          .choices(['clear', 'green', 'amber', 'amber+strict', 'red'])
          .default('amber'),
      )
      .option('--batch <n>', 'objects per transaction', '2000')
      .option('--no-progress', 'no progress bar')
      .option(
        '--no-index',
        'leave full-text indexing to a running server (by default the import indexes what it stored before it ends; objects are searchable either way, only more slowly until indexed)',
      )
      .addHelpText(
        'after',
        '\nExamples:\n  concord intel import ics-attack.json --collection attack-ics --tlp clear\n  concord intel import feed.json -c regime-indicators --as analyst@cert.example',
      )
      .action(async (file: string, opts: ImportOptions) => {
        const batchSize = Number(opts.batch);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
          throw new CliError('--batch: must be a whole number from 1 to 100000', 2);
        }
        let size = 0;
        if (file !== '-') {
          try {
            size = fs.statSync(file).size;
          } catch {
            throw new CliError(`${file}: no such file`, 2);
          }
        }
        const source =
          file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 1 << 16 });
        const show = opts.progress && process.stderr.isTTY && size > 0;
        const bar = show
          ? new cliProgress.SingleBar(
              {
                format:
                  'importing |{bar}| {percentage}% | {objects} objects | {duration_formatted}',
                stream: process.stderr,
                clearOnComplete: true,
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
        bar?.start(size, 0, { objects: 0 });
        const server = await import('@concord/server');
        // Set from a callback: a holder, so the compiler does not narrow it to null here.
        const indexing: { bar: cliProgress.SingleBar | null } = { bar: null };
        try {
          const r = await withDeps(configFrom(opts), (deps) =>
            server.importAtConsole(deps, source, {
              collection: opts.collection,
              asEmail: opts.as,
              tlp: opts.tlp,
              batchSize,
              ...(file !== '-' ? { sizeBytes: size } : {}),
              index: opts.index,
              onProgress: (p) => bar?.update(p.bytes, { objects: p.objects }),
              onIndexStart: (pending) => {
                bar?.stop();
                if (!show || pending === 0) return;
                indexing.bar = new cliProgress.SingleBar(
                  {
                    format: 'indexing for search |{bar}| {percentage}% | {value}/{total} versions',
                    stream: process.stderr,
                    clearOnComplete: true,
                    hideCursor: true,
                  },
                  cliProgress.Presets.shades_classic,
                );
                indexing.bar.start(pending, 0);
              },
              onIndexProgress: (n) => indexing.bar?.update(n),
            }),
          );
          bar?.stop();
          indexing.bar?.stop();
          process.stdout.write(
            `${r.total} objects read, ${r.stored} stored, ${r.total - r.stored - r.failures.length} already present, ${r.failures.length} refused\n`,
          );
          if (!opts.index) {
            process.stdout.write('search indexing left to the server\n');
          } else if (r.indexed > 0) {
            process.stdout.write(`${r.indexed} versions indexed for search\n`);
          }
          for (const f of r.failures.slice(0, 50)) {
            process.stdout.write(`  refused ${f.id || '(no id)'}: ${f.message ?? ''}\n`);
          }
          if (r.failures.length > 50)
            process.stdout.write(`  … and ${r.failures.length - 50} more\n`);
          if (r.failures.length > 0) {
            throw new CliError(`${r.failures.length} objects refused (listed above)`, 1);
          }
        } catch (err) {
          bar?.stop();
          indexing.bar?.stop();
          if (err instanceof CliError) throw err;
          if (err instanceof server.DomainError) throw new CliError(err.message, 1);
          if (err instanceof Error && err.name === 'JsonStreamError')
            throw new CliError(`${file}: ${err.message}`, 1);
          throw err;
        }
      }),
  );
  return intel;
}
