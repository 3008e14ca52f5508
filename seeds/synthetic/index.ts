export * from './copy-encoder';
export * from './generate';
export * from './load-synthetic';
export * from './outcome-model';
export * from './protocols';
export * from './reference-data';
export * from './rows';
export * from './scales';
