import simpleRestProvider from 'ra-data-simple-rest';
import { createHttpClient } from './http-client';

export const dataProvider = simpleRestProvider('/api', createHttpClient());
