import { join } from 'node:path';

const root = join(__dirname, '../../..');

// The script under test (a repository tool, not a project: read by path).
const index = require(join(root, 'tools/sql-index.cjs')) as {
  sqlIndex: () => { path: string; via?: string; tables: string[]; functions: string[] }[];
  markdown: () => string;
  committed: () => string;
};

describe('the index of where the SQL lives (tools/sql-index.cjs, docs/architecture.md)', () => {
  it('is committed as the script makes it (run `node tools/sql-index.cjs --write` after changing a queries file)', () => {
    expect(index.committed()).toBe(index.markdown());
  });

  it('lists every feature that has a queries file', () => {
    const paths = index.sqlIndex().map((row) => row.path);
    // Written out by hand: the features whose services query beyond CrudService.
    for (const feature of ['assessments', 'citizens', 'enrolments', 'exports', 'grants', 'groups', 'health', 'municipalities', 'notes', 'outcomes', 'outreach', 'programmes', 'sessions', 'treatment-plans', 'users', 'volunteers']) {
      expect(paths).toContain(`apps/api/src/${feature}/${feature}.queries.ts`);
    }
  });

  it('names the tables a file touches, through entities and through raw SQL', () => {
    const rows = new Map(index.sqlIndex().filter((row) => !row.via).map((row) => [row.path, row]));
    // By entity class only (query builders).
    expect(rows.get('apps/api/src/programmes/programmes.queries.ts')?.tables).toEqual(['programme']);
    // Both: assessment, its revision and follow_up_attempt through their entities; the worklist's module through its raw SQL alone.
    expect(rows.get('apps/api/src/assessments/assessments.queries.ts')?.tables).toEqual(['assessment', 'assessment_revision', 'follow_up_attempt']);
    expect(rows.get('apps/api/src/assessments/worklist-sql.ts')?.tables).toEqual(['assessment', 'enrolment', 'follow_up_attempt', 'programme']);
    // citizen through its entity, the rest through the timeline's raw SQL: read from citizens.queries.ts by hand.
    expect(rows.get('apps/api/src/citizens/citizens.queries.ts')?.tables).toEqual([
      'app_user', 'case_request', 'citizen', 'enrolment', 'enrolment_transition', 'group_attendance', 'group_meeting', 'note_version', 'outreach_contact', 'treatment_group', 'treatment_session',
    ]);
    expect(rows.get('apps/api/src/grants/grants.queries.ts')?.functions).toEqual(['grant_end_for_user', 'grant_find_evaluator']);
  });
});
