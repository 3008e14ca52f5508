// Entry point for the TypeORM CLI (migration:generate, migration:run); see tools/migrations.mjs.
import { DataSource } from 'typeorm';
import { readEnvironment } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

const { DATABASE_URL } = readEnvironment();
if (!DATABASE_URL) {
  throw new Error('The TypeORM CLI needs DATABASE_URL; tools/migrations.mjs provides a throwaway one');
}

export default new DataSource(dataSourceOptions(DATABASE_URL));
