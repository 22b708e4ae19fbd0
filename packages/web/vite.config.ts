import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `npm run dev` forwards API and protocol traffic (the Fastify server). */
const DEFAULT_API_TARGET = 'http://localhost:8080';
const target = process.env.CONCORD_API_URL ?? DEFAULT_API_TARGET;

// Everything the server answers itself; the rest is the single-page app.
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/ledger', '/taxii2'];

const config: UserConfig = {
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across
        // releases. The ledger group is the verification code (SHA-256, Ed25519, JCS).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
            },
            {
              name: 'ledger',
              test: /packages[\\/]ledger[\\/]|node_modules[\\/](@noble|canonicalize)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { target, changeOrigin: false }])),
  },
  preview: { port: 4173 },
};

export default defineConfig(({ command }) => {
  // A build is a production build even when a test runner (NODE_ENV=test) starts it, as the
  // browser tests do: otherwise React and the JSX runtime ship in development mode.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
