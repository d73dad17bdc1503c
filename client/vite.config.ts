import path from 'node:path';
import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages export their TypeScript under the "source" condition: use it first.
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // `.vite/manifest.json`: the server reads it to name, in a debrief link's HTML, the chunks
    // that page needs (`modulepreload`) and the small script that starts its data's request.
    manifest: true,
    rolldownOptions: {
      input: {
        index: path.resolve(import.meta.dirname, 'index.html'),
        // A debrief link's page: the server sends it for /debrief/<id> (`http/client-pages.ts`).
        debrief: path.resolve(import.meta.dirname, 'debrief.html'),
        // Not in index.html: the server adds it to a debrief link's page only.
        debriefPrefetch: path.resolve(import.meta.dirname, 'src/debrief/prefetchEntry.ts'),
      },
    },
  },
});
