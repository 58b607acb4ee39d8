/** Identity tokens and share cards, shared by the site and the server (`@cos/domain/share`). */
export * from './card';
export * from './identity';
export * from './texts';
export * from './inputs';
