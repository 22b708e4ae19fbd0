/**
 * Writes the server's OpenAPI document and the typed client's types generated from it:
 *   packages/api-client/openapi.json and packages/api-client/src/schema.d.ts
 * A test checks that the committed files match the server (npm run openapi to refresh).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderOpenApi } from './openapi-lib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { json, types } = await renderOpenApi();
fs.writeFileSync(path.join(root, 'packages/api-client/openapi.json'), json);
fs.writeFileSync(path.join(root, 'packages/api-client/src/schema.d.ts'), types);
console.log('wrote packages/api-client/openapi.json and packages/api-client/src/schema.d.ts');
