export * from './demo/demo-ids';
export * from './demo/sample-asi';
export * from './demo/demo-work';
export * from './demo/demo-case-records';
export * from './demo/seed-demo';
export * from './synthetic';
