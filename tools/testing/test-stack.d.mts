import type { RunningApi } from './api-process.cjs';

export { API_MAIN, startApi, waitFor } from './api-process.cjs';
export function startTestStack(options?: { seedDemo?: boolean; env?: Record<string, string>; logFile?: string }): Promise<{
  baseUrl: string;
  databaseUrl: string;
  api: RunningApi;
  stop(): Promise<void>;
}>;
