import type { EntityManager } from 'typeorm';
import { demoUser, mediumDatabase } from './medium';

/**
 * The shared-read policies' plans (decision 147). Each tenant table has two permissive policies, its
 * municipality's and shared_read (emergency access, hand-over); PostgreSQL ORs them. The shared set
 * must be computed once per statement (an InitPlan) and compared as a parameter, so that an index can
 * serve it and a filter costs one comparison per row. Two earlier forms failed that: a hashed subplan
 * (no index could serve the OR) and a function returning the array (called again for every row).
 */
const medium = mediumDatabase();
const aarhusStaff = demoUser('aarhus', 'staff');

const SHARED_READ_TABLES = [
  'citizen', 'case_request', 'case_decision', 'enrolment', 'treatment_session', 'treatment_plan_revision', 'note_version', 'assessment',
  'outreach_contact', 'youth_consent', 'enrolment_transition', 'follow_up_attempt', 'group_member', 'group_attendance', 'assessment_revision',
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** The plan of a statement as Aarhus staff, with the given planner settings for its transaction. */
function planAs(sql: string, settings: string[]): Promise<PlanNode[]> {
  return medium.as(aarhusStaff, async (ctx) => {
    const m = ctx.manager as EntityManager;
    for (const setting of settings) await m.query(`SET LOCAL ${setting}`);
    const [row] = (await m.query(`EXPLAIN (FORMAT JSON) ${sql}`)) as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];
    return nodes(row['QUERY PLAN'][0].Plan);
  });
}

describe('the shared-read policies are planned once per statement', () => {
  it('a sequential scan of every shared-read table compares with a parameter, not a per-row function or subplan', async () => {
    // A parameter shows as $n (PostgreSQL 15) or (InitPlan n).colN (16 and later).
    const parameter = /= ANY \((\$\d+|\(InitPlan \d+\)\.col\d+)\)/;
    for (const table of SHARED_READ_TABLES) {
      const scans = (await planAs(`SELECT count(*) FROM ${table}`, ['enable_indexscan = off', 'enable_bitmapscan = off', 'enable_indexonlyscan = off'])).filter(
        (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table,
      );
      expect({ table, scans: scans.length }).toEqual({ table, scans: 1 });
      const filter = scans[0]?.Filter ?? '';
      expect({ table, parameter: parameter.test(filter), perRow: /app_shared|SubPlan/.test(filter) }).toEqual({ table, parameter: true, perRow: false });
    }
  });

  it('the municipality and the shared citizens are one BitmapOr of two index scans', async () => {
    for (const table of ['citizen', 'enrolment', 'assessment', 'case_request']) {
      const plan = await planAs(`SELECT * FROM ${table}`, ['enable_seqscan = off']);
      expect({ table, bitmapOr: plan.some((n) => n['Node Type'] === 'BitmapOr') }).toEqual({ table, bitmapOr: true });
    }
  });
});
