export * from './area';
export * from './article';
export * from './audit';
export * from './auth';
export * from './cluster';
export * from './columns';
export * from './member';
export * from './municipality';
export type * from './rows';
