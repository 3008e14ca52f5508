export * from './lib/programme-protocol';
