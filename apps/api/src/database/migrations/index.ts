import { Init1795610101558 } from './1795610101558-Init';
import { ProgrammeCatalogue1795610200000 } from './1795610200000-ProgrammeCatalogue';

/** Every migration in order; a committed migration is never edited, only followed by a new one. */
export const MIGRATIONS = [Init1795610101558, ProgrammeCatalogue1795610200000];
