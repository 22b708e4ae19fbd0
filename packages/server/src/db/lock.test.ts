import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = tmp();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    first.release();
    expect(fs.existsSync(path.join(dir, 'concord.lock'))).toBe(false);
    lockDataDir(dir).release();
  });

  it('names the owning process in the error', () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, 'concord.lock'),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: '' }),
    );
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it('takes over a lock whose owner has died', () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    fs.writeFileSync(
      path.join(dir, 'concord.lock'),
      JSON.stringify({ pid: Number(dead), host: os.hostname(), startedAt: '' }),
    );
    const lock = lockDataDir(dir);
    expect(
      (JSON.parse(fs.readFileSync(path.join(dir, 'concord.lock'), 'utf8')) as { pid: number }).pid,
    ).toBe(process.pid);
    lock.release();
  });

  it('takes over an unreadable lock file', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'concord.lock'), 'garbage');
    lockDataDir(dir).release();
  });
});
