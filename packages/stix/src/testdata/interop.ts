/**
 * Third-party STIX data kept outside the repository (see ../shared/interop/README.md): the OASIS
 * STIX 2.1 JSON schemas and example bundles, and MITRE ATT&CK for ICS. Tests skip, saying why,
 * when it is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = (relative: string): string =>
  fileURLToPath(new URL(`../../../../../shared/interop/${relative}`, import.meta.url));

export const SCHEMAS_DIR = dir('stix2-json-schemas/schemas');
export const EXAMPLES_DIR = dir('stix2-json-schemas/examples');
export const ICS_ATTACK = dir('attack/ics-attack.json');

export const HAVE_SCHEMAS = existsSync(SCHEMAS_DIR);
export const HAVE_EXAMPLES = existsSync(EXAMPLES_DIR);
export const HAVE_ICS = existsSync(ICS_ATTACK);

export const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(path, 'utf8')) as unknown;

function walk(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const p = join(root, e.name);
      return e.isDirectory() ? walk(p) : e.name.endsWith('.json') ? [p] : [];
    });
}

/** Every object of every official example: bundles are opened, lone objects kept. */
export function exampleObjects(): Array<[string, Record<string, unknown>]> {
  if (!HAVE_EXAMPLES) return [];
  return walk(EXAMPLES_DIR).flatMap((file) => {
    const doc = readJson(file) as Record<string, unknown>;
    const name = file.slice(EXAMPLES_DIR.length + 1);
    const objects =
      doc['type'] === 'bundle' ? (doc['objects'] as Array<Record<string, unknown>>) : [doc];
    return objects.map((o): [string, Record<string, unknown>] => [`${name} ${String(o['id'])}`, o]);
  });
}

/** The example files that are bundles. */
export function exampleBundles(): Array<[string, Record<string, unknown>]> {
  if (!HAVE_EXAMPLES) return [];
  return walk(EXAMPLES_DIR)
    .map((file): [string, Record<string, unknown>] => [
      file.slice(EXAMPLES_DIR.length + 1),
      readJson(file) as Record<string, unknown>,
    ])
    .filter(([, doc]) => doc['type'] === 'bundle');
}

export function icsBundle(): Record<string, unknown> | null {
  return HAVE_ICS ? (readJson(ICS_ATTACK) as Record<string, unknown>) : null;
}
