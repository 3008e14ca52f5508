export * from './lib/resources';
export * from './lib/errors';
export * from './lib/list-query';
export * from './lib/municipality';
export * from './lib/centre';
export * from './lib/programme';
export * from './lib/health';
