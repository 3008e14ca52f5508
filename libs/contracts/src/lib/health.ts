export interface HealthStatus {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  /** Why the database is down, without connection details. */
  reason?: string;
}
