export * from './demo/demo-ids';
export * from './demo/seed-demo';
export * from './synthetic';
