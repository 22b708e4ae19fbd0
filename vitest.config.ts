import { defineConfig } from 'vitest/config';

/**
 * One suite, three projects:
 *   unit — pure code, no database;
 *   db   — store contract, service and HTTP tests on a real database (PGlite in memory, or
 *          PostgreSQL when DATABASE_URL is set) and CLI/process tests;
 *   e2e  — the web app in real Chromium (skips with a reason when Chromium is absent).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.unit.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.http.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          include: [
            'packages/*/src/**/*.{db,http}.test.ts',
            'packages/*/test/**/*.{db,http,cli}.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
