export * from './copy-encoder';
export { BinaryRowWriter } from './copy-binary';
export type { ColumnType, Field } from './copy-binary';
export * from './generate';
export * from './load-synthetic';
export * from './outcome-model';
export * from './protocols';
export * from './reference-data';
export * from './rows';
export * from './scales';
// The CPR numbers of the synthetic data, for the browser tests' large files (they may not use libs/domain).
export { makeCpr } from './people';
export { Rng } from './random';
