export * from './asi-items';
export { asiAnswerErrors, drugFree, L, scoreAsi } from './asi-scoring';
export type { AsiAnswer, AsiAnswers, AsiScore, CompositeResult } from './asi-scoring';
