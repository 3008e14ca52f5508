// What a black-box test talks to: a fresh PostgreSQL (see throwaway-postgres.mjs) and the BUILT
// API on it (dist/apps/api/main.js, which also serves dist/apps/web), as `npm start` runs it.
import apiProcess from './api-process.cjs';
import { startThrowawayPostgres } from './throwaway-postgres.mjs';

export const { startApi, waitFor, API_MAIN } = apiProcess;

/** A fresh database plus the API on it, with demo data unless told otherwise. */
export async function startTestStack({ seedDemo = true, env = {}, logFile } = {}) {
  const db = await startThrowawayPostgres();
  try {
    const api = await startApi({ DATABASE_URL: db.url, SEED_DEMO: String(seedDemo), ...env }, { logFile });
    return {
      baseUrl: api.baseUrl,
      databaseUrl: db.url,
      api,
      async stop() {
        await api.stop();
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
