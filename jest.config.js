// One jest run for the whole monorepo: each project is a package (or the end-to-end flows).
// scripts/test/global-setup.mjs starts PostgreSQL and Redis once and builds the migrated template database.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// Packages shipped as ES modules only are compiled like our own code.
const transformIgnorePatterns = ['/node_modules/(?!(\\.pnpm/)?(@faker-js|fractional-indexing))'];

const node = (name, roots, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots,
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  setupFiles: ['reflect-metadata'],
  transformIgnorePatterns,
  ...extra,
});

module.exports = {
  // The whole suite shares two cores with PostgreSQL, Redis and Chromium: a hook that starts a
  // server or a page waiting on a query can take seconds there. A limit is not a wait: fast tests
  // stay fast, and none of them sleeps.
  testTimeout: 30_000,
  // Two test files at a time: most of a file's time is spent waiting on PostgreSQL, Redis, a child
  // process or Chromium, so two overlap well on two cores. Every file has its own database, Redis
  // prefix, job queues and ports, so files never share state.
  maxWorkers: 2,
  globalSetup: '<rootDir>/scripts/test/global-setup.mjs',
  globalTeardown: '<rootDir>/scripts/test/global-teardown.mjs',
  projects: [
    node('shared', ['<rootDir>/packages/shared/src']),
    node('db', ['<rootDir>/packages/db/src']),
    node('api', ['<rootDir>/apps/api/src']),
    node('worker', ['<rootDir>/apps/worker/src']),
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/apps/web/src', '<rootDir>/apps/web/build'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns,
      setupFiles: ['<rootDir>/apps/web/test/setup-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/apps/web/test/setup-tests.ts'],
      moduleNameMapper: { '\\.(css)$': '<rootDir>/apps/web/test/style-stub.js' },
    },
    node('e2e', ['<rootDir>/e2e'], { testMatch: ['**/*.e2e.ts'] }),
  ],
};
