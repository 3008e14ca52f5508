export * from './asi-items';
export { asiAnswerErrors, drugFree, scoreAsi } from './asi-scoring';
export type { AsiAnswer } from './asi-scoring';
