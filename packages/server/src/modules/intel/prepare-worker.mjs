// The import worker's entry (see prepare-batches.ts). Concord runs its TypeScript sources
// through tsx, and a worker thread starts without the importing thread's module hooks.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
