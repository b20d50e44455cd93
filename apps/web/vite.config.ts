import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { graphqlDocuments } from './build/graphql-documents';
import { firstScreenMessagesPlugin } from './build/first-screen-messages';

const api = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [graphqlDocuments(fileURLToPath(new URL('./src/graphql/generated', import.meta.url))), firstScreenMessagesPlugin(), react()],
  resolve: {
    // rxjs (under Apollo Client) as ES2015 modules: native classes, no tslib helpers (its default build is ES5).
    conditions: [...defaultClientConditions, 'es2015'],
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/health': api,
      '/exports': api,
      '/privacy': api,
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/health': api,
      '/exports': api,
      '/privacy': api,
    },
  },
  build: {
    sourcemap: true,
  },
});
