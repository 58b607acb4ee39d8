export * from './change-tracking';
export * from './client';
export * from './database-path';
export * from './migrate';
export * as schema from './schema';
export * from './schema';
export * from './search-sync';
export * from './search-words';
