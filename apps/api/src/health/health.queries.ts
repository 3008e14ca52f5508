import type { DataSource } from 'typeorm';

// The health feature's one query: a probe of the database, outside any tenant transaction (the
// route is public and reads no one's data).

/** Answers when the database answers. */
export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}
