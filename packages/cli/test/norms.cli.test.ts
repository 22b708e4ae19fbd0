/**
 * `concord norms export`: the catalogue and the commitments matrix, written from a data folder
 * that holds the demo community, as JSON and as RFC 4180 CSV.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, lines, newDataDir, removeTempDirs, runCli, tempDir } from './support/cli';

const TIMEOUT = 120_000;

describe('concord norms export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = newDataDir();
    const demo = await runCli(['demo', '--data-dir', dir], { timeoutMs: TIMEOUT });
    expect(demo.code, demo.stderr).toBe(0);
  }, TIMEOUT);
  afterAll(async () => {
    await killAllChildren();
    removeTempDirs();
  });

  it(
    'writes the catalogue as CSV with one row per norm and a header',
    async () => {
      const r = await runCli(['norms', 'export', '--format', 'csv', '--data-dir', dir]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const rows: Record<string, string>[] = parse(r.stdout, { columns: true });
      expect(rows.length).toBeGreaterThanOrEqual(20);
      const f = rows.find((row) => row.id === 'GGE-2015-13f');
      expect(f).toMatchObject({ status: 'adopted', category: 'prohibition', pillar: '1' });
      expect(f?.terms?.split(';')).toContain('critical-infrastructure');
      // Texts with commas survive the round trip.
      expect(f?.text).toContain('conduct, or knowingly support,');
      expect(r.stdout.split('\r\n')[0]).toBe(
        'id,status,version,title,category,pillar,pillar_name,sectors,terms,source,ledger_index,text',
      );
    },
    TIMEOUT,
  );

  it(
    'writes the catalogue as JSON with each norm’s version history to a file',
    async () => {
      const out = path.join(tempDir(), 'norms.json');
      const r = await runCli(['norms', 'export', '--data-dir', dir, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      const data = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        norms: { id: string; versions: { version: number; title: string }[] }[];
      };
      const ids = data.norms.map((n) => n.id);
      expect(ids.slice(0, 11)).toEqual('abcdefghijk'.split('').map((c) => `GGE-2015-13${c}`));
      expect(data.norms.every((n) => n.versions.length >= 1)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'writes the commitments matrix, and only public doctrines with --public-only',
    async () => {
      const all = await runCli([
        'norms',
        'export',
        '--what',
        'matrix',
        '--format',
        'csv',
        '--data-dir',
        dir,
      ]);
      expect(all.code, all.stderr).toBe(0);
      const rows: Record<string, string>[] = parse(all.stdout, { columns: true });
      const header = Object.keys(rows[0] ?? {});
      expect(header.slice(0, 5)).toEqual(['norm_id', 'title', 'category', 'pillar', 'status']);
      const states = header.slice(5);
      expect(states).toEqual(expect.arrayContaining(['Estonia (EST)', 'Kenya (KEN)']));
      const cells = rows.flatMap((r) => states.map((s) => r[s]));
      expect(new Set(cells)).toEqual(new Set(['committed', 'conditional', 'none']));
      const pub = await runCli([
        'norms',
        'export',
        '--what',
        'matrix',
        '--public-only',
        '--data-dir',
        dir,
      ]);
      expect(pub.code, pub.stderr).toBe(0);
      const matrix = JSON.parse(pub.stdout) as {
        publicOnly: boolean;
        rows: { cells: { status: string }[] }[];
      };
      expect(matrix.publicOnly).toBe(true);
      const count = (csvRows: Record<string, string>[]) =>
        csvRows.flatMap((r) => states.map((s) => r[s])).filter((c) => c !== 'none').length;
      const publicCommitments = matrix.rows
        .flatMap((r) => r.cells)
        .filter((c) => c.status !== 'none').length;
      // The demo has a community-only doctrine: the public matrix shows fewer commitments.
      expect(publicCommitments).toBeGreaterThan(0);
      expect(publicCommitments).toBeLessThan(count(rows));
    },
    TIMEOUT,
  );

  it(
    'refuses an unknown format with a usage error',
    async () => {
      const r = await runCli(['norms', 'export', '--format', 'xml', '--data-dir', dir]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)[0]).toMatch(/--format <format>.*xml.*json, csv/);
      expect(r.stdout).toBe('');
    },
    TIMEOUT,
  );
});
