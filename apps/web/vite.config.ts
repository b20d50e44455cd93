import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': api,
      '/health': api,
      '/exports': api,
    },
  },
  preview: {
    proxy: {
      '/graphql': api,
      '/health': api,
      '/exports': api,
    },
  },
  build: {
    sourcemap: true,
  },
});
