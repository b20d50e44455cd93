import type { CodegenConfig } from '@graphql-codegen/cli';

// The web app's operation types come from the committed schema file, never from a running server.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        scalars: { DateTimeISO: 'string', ID: { input: 'string', output: 'string' } },
        skipTypename: false,
      },
    },
  },
};

export default config;
