import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `npm run dev` forwards API and protocol traffic (the Fastify server). */
const DEFAULT_API_TARGET = 'http://localhost:8080';
const target = process.env.CONCORD_API_URL ?? DEFAULT_API_TARGET;

// Everything the server answers itself; the rest is the single-page app.
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/ledger', '/taxii2'];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { target, changeOrigin: false }])),
  },
  preview: { port: 4173 },
});
