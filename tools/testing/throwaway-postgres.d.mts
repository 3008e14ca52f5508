export interface ThrowawayPostgres {
  url: string;
  embedded: { start(): Promise<void>; stop(): Promise<void> } | undefined;
  stop(): Promise<void>;
}
export function startThrowawayPostgres(options?: { forceEmbedded?: boolean }): Promise<ThrowawayPostgres>;
