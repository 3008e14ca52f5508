export * from './perturbation-table';
export * from './cell-key';
export * from './k-anonymity';
export * from './magnitude';
