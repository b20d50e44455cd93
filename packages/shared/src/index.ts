export * from './roles';
export * from './domain';
export * from './deadline';
export * from './jobs';
export * from './position';
export * from './template-variables';
export * from './schedule';
export * from './background-jobs';
