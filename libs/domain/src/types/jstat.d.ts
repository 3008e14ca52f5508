// The part of jStat (no published types) that libs/domain uses.
declare module 'jstat' {
  export const jStat: {
    studentt: { inv(p: number, dof: number): number };
    normal: { inv(p: number, mean: number, sd: number): number };
    binomial: { pdf(k: number, n: number, p: number): number };
  };
}
