export * from './demo/demo-ids';
export * from './demo/sample-asi';
export * from './demo/seed-demo';
export * from './synthetic';
