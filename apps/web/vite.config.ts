import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { graphqlDocuments } from './build/graphql-documents';
import { firstScreenMessagesPlugin } from './build/first-screen-messages';

const api = process.env.API_URL ?? 'http://localhost:4000';
const VENDOR = /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@apollo[\\/]client|rxjs|graphql|optimism|@wry[\\/][a-z]+|tslib)[\\/]/;

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
    rolldownOptions: {
      output: {
        // Two chunks rather than a dozen small shared ones (one file compresses better than many, and
        // costs one request): React, the router and Apollo Client with what it uses, which every page
        // needs (Apollo's WebSocket link stays with the live board's code); and the app's first screen,
        // everything the entry imports (the shell, the session, the board's first paint).
        codeSplitting: {
          groups: [
            { name: 'vendor', test: (id) => VENDOR.test(id) && !id.includes('link/subscriptions') },
            { name: 'first', tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
