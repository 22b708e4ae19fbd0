/**
 * The one schema shared by PGlite (embedded) and PostgreSQL (production), one file per concept
 * in ./tables. Keep to SQL that PostgreSQL 15 supports; PGlite runs a newer major.
 * Migrations in ../../drizzle are generated from this file with `npm run db:generate`.
 */
export { bytea } from './tables/common';
export * from './tables/core';
export * from './tables/ledger';
export * from './tables/norms';
export * from './tables/doctrines';
export * from './tables/directory';
export * from './tables/intel';
