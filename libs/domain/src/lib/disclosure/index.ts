export * from './perturbation-table';
export * from './cell-key';
