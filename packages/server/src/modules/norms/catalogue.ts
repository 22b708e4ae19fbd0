/**
 * The shipped catalogue (packages/server/catalogue/*.json): read and checked here, so a
 * malformed data file stops the server at start with the entry that is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { NormCategory, NORM_ID_PATTERN, Sector } from './vocabulary';

export const CATALOGUE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../catalogue',
);

const ShippedNorm = Type.Object({
  id: Type.String({ pattern: NORM_ID_PATTERN }),
  source: Type.String({ minLength: 1 }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  text: Type.String({ minLength: 1, maxLength: 5000 }),
  category: NormCategory,
  pillar: Type.Integer({ minimum: 1, maximum: 10 }),
  sectors: Type.Array(Sector),
  terms: Type.Array(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })),
});
const ShippedTerm = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  term: Type.String({ minLength: 1 }),
  definition: Type.String({ minLength: 1 }),
  thresholds: Type.String(),
  notes: Type.String(),
});
const NormsFile = Type.Object({ norms: Type.Array(ShippedNorm) });
const GlossaryFile = Type.Object({ terms: Type.Array(ShippedTerm) });

export type ShippedNorm = Static<typeof ShippedNorm>;
export type ShippedTerm = Static<typeof ShippedTerm>;

function load<T extends typeof NormsFile | typeof GlossaryFile>(file: string, schema: T) {
  const full = path.join(CATALOGUE_DIR, file);
  const data: unknown = JSON.parse(fs.readFileSync(full, 'utf8'));
  const first = Value.Errors(schema, data)[0];
  if (first) throw new Error(`${full}: ${first.instancePath || '/'} ${first.message}`);
  return data as Static<T>;
}

export function shippedCatalogue(): { norms: ShippedNorm[]; terms: ShippedTerm[] } {
  const { norms } = load('norms.json', NormsFile);
  const { terms } = load('glossary.json', GlossaryFile);
  const termIds = new Set(terms.map((t) => t.id));
  const seen = new Set<string>();
  for (const n of norms) {
    if (seen.has(n.id)) throw new Error(`norms.json: norm ${n.id} appears twice`);
    seen.add(n.id);
    const unknown = n.terms.find((t) => !termIds.has(t));
    if (unknown) throw new Error(`norms.json: norm ${n.id} relies on unknown term '${unknown}'`);
  }
  return { norms, terms };
}
