export * from './entities';
export { createDataSource, runMigrations, pendingSchemaChanges } from './data-source';
export type { DataSourceOptions } from './data-source';
export { purgeExpiredSessions } from './services/sessions';
export { hashPassword, verifyPassword } from './services/passwords';
export { seedDemoData, ensureAdmin, DEMO_PASSWORD, DEMO_USERS } from './seed/demo';
export { LocalDiskStorage } from './storage/storage';
export type { FileStorage } from './storage/storage';
