import { Command, Option } from 'commander';
import { dbOptions, type DbOptions } from '../context';
import { CliError } from '../errors';

// The ledger code is loaded when a command runs, so that --help and usage errors stay fast.

interface RemoteOptions {
  vkey?: string;
  state?: string;
}

const remoteOptions = (cmd: Command): Command =>
  cmd
    .addOption(
      new Option(
        '--vkey <verifier-key>',
        'the log’s note verifier key (<name>+<id>+<key>); default: the key pinned in the state file, else the one the node serves (trusted on first use)',
      ),
    )
    .addOption(
      new Option(
        '--state <file>',
        'where pinned keys and verified checkpoints are kept, per log origin (default $XDG_CONFIG_HOME/concord/ledger-state.json, i.e. ~/.config/concord/ledger-state.json)',
      ),
    );

async function resolveRemote(baseUrl: string, opts: RemoteOptions) {
  const { parseBaseUrl } = await import('../ledger/http');
  const { parseVkeyFlag } = await import('../ledger/trust');
  const { defaultStatePath } = await import('../ledger/state');
  const path = await import('node:path');
  const base = parseBaseUrl(baseUrl);
  const vkey = opts.vkey === undefined ? undefined : parseVkeyFlag(opts.vkey.trim());
  if (opts.state === '') throw new CliError('--state: must be a file path', 2);
  const stateFile = path.resolve(opts.state ?? defaultStatePath());
  return { base, vkey, stateFile };
}

function parseIndex(text: string): bigint {
  if (!/^(0|[1-9][0-9]{0,19})$/.test(text) || BigInt(text) >= 1n << 64n)
    throw new CliError(`index: '${text}' is not a non-negative integer`, 2);
  return BigInt(text);
}

export function ledgerCommand(): Command {
  const ledger = new Command('ledger').description(
    'Verify a node’s transparency log from outside, or check the local one.',
  );
  ledger.addCommand(
    remoteOptions(new Command('verify'))
      .description(
        'Download the signed checkpoint and every tile and entry bundle of a node’s log, recompute the tree from the entries, and check it extends the checkpoint verified last time.',
      )
      .argument('<base-url>', 'the node’s address, e.g. https://concord.example.org')
      .option('--no-progress', 'no progress bar (it is shown only when stderr is a terminal)')
      .addHelpText(
        'after',
        '\nExits 0 when the log verifies (and records its checkpoint in the state file), 1 naming\n' +
          'the first bad signature, entry or tile, or an inconsistency with the recorded checkpoint.',
      )
      .action(async (baseUrl: string, opts: RemoteOptions & { progress: boolean }) => {
        const remote = await resolveRemote(baseUrl, opts);
        const { verifyLedger } = await import('../ledger/verify');
        await verifyLedger({ ...remote, progress: opts.progress });
      }),
  );
  ledger.addCommand(
    remoteOptions(new Command('prove'))
      .description(
        'Fetch one entry with its inclusion proof and check it against the node’s signed checkpoint, recomputing the leaf hash from the entry’s data.',
      )
      .argument('<base-url>', 'the node’s address, e.g. https://concord.example.org')
      .argument('<index>', 'the entry’s position in the log (0 is the first)')
      .action(async (baseUrl: string, index: string, opts: RemoteOptions) => {
        const entryIndex = parseIndex(index);
        const remote = await resolveRemote(baseUrl, opts);
        const { proveEntry } = await import('../ledger/prove');
        await proveEntry({ ...remote, index: entryIndex });
      }),
  );
  ledger.addCommand(
    dbOptions(new Command('check'))
      .description(
        'Recompute the local log from its stored entries and compare every stored hash, checkpoint and the head. With the embedded database, run it while the server is stopped.',
      )
      .action(async (opts: DbOptions) => {
        const { checkLocalLedger } = await import('../ledger/check');
        await checkLocalLedger(opts);
      }),
  );
  return ledger;
}
