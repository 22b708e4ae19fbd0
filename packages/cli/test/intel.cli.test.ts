/**
 * `concord intel import`: a bundle streamed into a collection of a data folder holding the demo
 * community; invalid objects are listed and make the exit status 1; a re-run stores nothing
 * twice. The ATT&CK for ICS bundle is used when ../shared/interop is present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllChildren, newDataDir, removeTempDirs, runCli, tempDir } from './support/cli';

const TIMEOUT = 180_000;
const ICS = fileURLToPath(
  new URL('../../../../shared/interop/attack/ics-attack.json', import.meta.url),
);
const haveIcs = fs.existsSync(ICS);

const indicator = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: `Test indicator ${n}`,
  pattern: `[ipv4-addr:value = '198.51.100.${n % 250}']`,
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('concord intel import', () => {
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
    'stores the valid objects, lists the refused ones by id and property, and exits 1',
    async () => {
      const file = path.join(tempDir(), 'bundle.json');
      const objects = [
        ...Array.from({ length: 30 }, (_, i) => indicator(i + 1)),
        indicator(99, { pattern_type: undefined }),
        indicator(98, { created: 'yesterday' }),
        indicator(97, { pattern: "[ipv4-addr:value = '198.51.100.1'" }),
      ];
      fs.writeFileSync(
        file,
        JSON.stringify({
          type: 'bundle',
          id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
          objects,
        }),
      );
      const args = [
        'intel',
        'import',
        file,
        '-c',
        'regime-indicators',
        '--as',
        'analyst@cert.example',
        '--batch',
        '7',
        '--data-dir',
        dir,
      ];
      const r = await runCli(args, { timeoutMs: TIMEOUT });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('33 objects read, 30 stored, 0 already present, 3 refused');
      expect(r.stdout).toMatch(/refused indicator--00000099-[^:]+: .*pattern_type/);
      expect(r.stdout).toMatch(/refused indicator--00000098-[^:]+: .*created/);
      expect(r.stdout).toMatch(/refused indicator--00000097-[^:]+: pattern: .*']'/);
      // The 30 stored, and the demo's versions no server has indexed yet.
      const indexed = /(\d+) versions indexed for search/.exec(r.stdout);
      expect(Number(indexed?.[1])).toBeGreaterThanOrEqual(30);

      const again = await runCli([...args, '--no-index'], { timeoutMs: TIMEOUT });
      expect(again.stdout).toContain('33 objects read, 0 stored, 30 already present, 3 refused');
      expect(again.stdout).toContain('search indexing left to the server');
    },
    TIMEOUT,
  );

  it(
    'reads a bundle of unknown size from standard input on a worker thread',
    async () => {
      // Standard input has no size, so the import splits and validates on a worker thread
      // (the path large files take): the same counts and refusals as from a file.
      const objects = [
        ...Array.from({ length: 12 }, (_, i) => indicator(i + 200)),
        indicator(299, { created: 'yesterday' }),
      ];
      const input = JSON.stringify({
        type: 'bundle',
        id: 'bundle--0f4b6c55-2d1e-4f7a-9a43-6f0f7d3a2b11',
        objects,
      });
      const args = ['intel', 'import', '-', '-c', 'regime-indicators', '--batch', '5'];
      const r = await runCli([...args, '--data-dir', dir], { input, timeoutMs: TIMEOUT });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('13 objects read, 12 stored, 0 already present, 1 refused');
      expect(r.stdout).toMatch(/refused indicator--00000299-[^:]+: .*created/);
      const broken = await runCli([...args, '--data-dir', dir], {
        input: input.slice(0, -40),
        timeoutMs: TIMEOUT,
      });
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/concord: -: input ended early/);
    },
    TIMEOUT,
  );

  it(
    'refuses an unknown collection, a missing file and a malformed bundle with a clear message',
    async () => {
      const missing = await runCli([
        'intel',
        'import',
        '/nonexistent.json',
        '-c',
        'attack-ics',
        '--data-dir',
        dir,
      ]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no such file');
      const file = path.join(tempDir(), 'broken.json');
      fs.writeFileSync(file, '{"type":"bundle","objects":[{"type":"indicator",');
      const broken = await runCli(['intel', 'import', file, '-c', 'attack-ics', '--data-dir', dir]);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/broken\.json: .+/);
      const unknown = await runCli([
        'intel',
        'import',
        file,
        '-c',
        'no-such-collection',
        '--data-dir',
        dir,
      ]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("No collection 'no-such-collection'");
    },
    TIMEOUT,
  );

  (haveIcs ? it : it.skip)(
    'loads MITRE ATT&CK for ICS (1,826 objects, custom x_mitre_ properties) with none refused (skipped without ../shared/interop)',
    async () => {
      const r = await runCli(
        ['intel', 'import', ICS, '-c', 'attack-ics', '--tlp', 'clear', '--data-dir', dir],
        {
          timeoutMs: TIMEOUT,
        },
      );
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toContain('1826 objects read, 1826 stored, 0 already present, 0 refused');
    },
    TIMEOUT,
  );
});
