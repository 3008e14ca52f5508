import type { ChildProcess } from 'node:child_process';

export interface RunningApi {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}
export const API_MAIN: string;
export const API_NODE_FLAGS: string[];
export function freePort(): Promise<number>;
export function waitFor(url: string, options?: { status?: number; timeoutMs?: number }): Promise<void>;
export function startApi(env: Record<string, string>, options?: { wait?: boolean; logFile?: string }): Promise<RunningApi>;
