import { CliError } from './errors';

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new CliError('--password-stdin: pipe the password in on standard input', 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
