/** A progress bar on stderr, only when stderr is a terminal and the user did not turn it off. */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(payload: { mb: string }): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { tick: () => undefined, stop: () => undefined };

export function startProgress(label: string, total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY || total === 0) return NO_PROGRESS;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} |{bar}| {value}/{total} tiles | {mb} MB | {duration_formatted}`,
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { mb: '0.0' });
  return {
    tick: (payload) => bar.increment(1, payload),
    stop: () => bar.stop(),
  };
}
