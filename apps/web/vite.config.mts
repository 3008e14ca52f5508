import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const lib = (name: string): string => `${workspaceRoot}libs/${name}/src/index.ts`;

// Bind 127.0.0.1, not "localhost" (which may resolve to ::1 only); /api goes to the API on port 3000.
const server = {
  host: '127.0.0.1',
  port: 4200,
  strictPort: true,
  proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
};

export default defineConfig({
  root: appRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@outcomes/contracts': lib('contracts'),
      '@outcomes/domain': lib('domain'),
    },
  },
  server,
  preview: server,
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    // react-admin and MUI make one ~1 MB bundle (~320 KB gzipped); fine for a staff app.
    chunkSizeWarningLimit: 1600,
  },
});
