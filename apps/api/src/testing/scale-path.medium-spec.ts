import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mediumDatabase } from './medium';

/**
 * The scale path against the schema (issue 23; docs/deployment.md, "Growing: the scale path"):
 * sharding by municipality (Citus) needs every tenant table to carry a non-null `municipality_id`,
 * and every primary key, unique index and foreign key between tenant tables to include it (a
 * distributed table's uniqueness and its foreign keys are checked on one shard only).
 *
 * Read from the catalogue of the migrated medium database: a tenant table is one with row-level
 * security, except the reference tables below (which Citus would copy to every node). Whatever
 * breaks a rule is an exception; the exceptions are written out by hand here, and must equal both
 * the catalogue's and the table in docs/deployment.md, "What sharding by municipality would take",
 * which says for each what distributing it would take. A new table, key or unique index that
 * leaves out municipality_id fails here until it is listed in both places.
 */
const medium = mediumDatabase();

/** Readable without a tenant (tenant-tables.e2e-spec.ts's REFERENCE_TABLES): reference tables in Citus. */
const REFERENCE_TABLES = ['centre', 'municipality', 'programme', 'treatment_provider'];

/**
 * Each tenant table's exceptions, written from the migrations by hand. The forms:
 * `no municipality_id column`, `municipality_id may be null`, `primary key (<columns>)`,
 * `unique <index> (<columns>)` and `foreign key (<columns>) references <table> (<columns>)`.
 */
const EXCEPTIONS: Record<string, string[]> = {
  access_log: ['municipality_id may be null', 'primary key (seq)'],
  api_token: ['municipality_id may be null', 'primary key (id)', 'unique api_token_secret_hash (secret_hash)'],
  app_user: ['municipality_id may be null', 'primary key (id)', 'unique app_user_email_unique (lower((email)::text))'],
  assessment: ['primary key (id)', 'unique assessment_one_per_timepoint (enrolment_id, timepoint)'],
  assessment_revision: ['primary key (id)'],
  case_decision: ['primary key (id)'],
  case_request: ['primary key (id)', 'unique case_request_id_course_kind (id, course_kind)', 'unique case_request_one_open_per_citizen (citizen_id)'],
  citizen: ['primary key (id)'],
  citizen_consent: ['primary key (id)', 'unique citizen_consent_entry (citizen_id, purpose, entry)'],
  citizen_merge: ['primary key (id)'],
  emergency_access: ['primary key (id)', 'foreign key (accessor_municipality_id, accessor_user_id) references app_user (municipality_id, id)'],
  enrolment: [
    'primary key (id)',
    'unique enrolment_one_open_per_programme (citizen_id, programme_id)',
    'foreign key (case_request_id, course_kind) references case_request (id, course_kind)',
  ],
  enrolment_transition: ['primary key (id)'],
  evaluator_grant: [
    'primary key (id)',
    'foreign key (evaluator_user_id) references app_user (id)',
    'foreign key (evaluator_municipality_id, evaluator_user_id) references app_user (municipality_id, id)',
  ],
  export_file_chunk: ['primary key (job_id, seq)', 'foreign key (job_id) references export_job (id)'],
  export_job: ['primary key (id)', 'unique export_job_one_running_per_project (project_id)'],
  export_project: ['primary key (id)'],
  facilitation: ['primary key (id)'],
  follow_up_attempt: ['primary key (id)'],
  group_attendance: ['primary key (meeting_id, enrolment_id)'],
  group_meeting: ['primary key (id)', 'unique group_meeting_number_unique (group_id, number)'],
  group_member: ['primary key (group_id, enrolment_id)'],
  handover: ['primary key (id)', 'foreign key (receiving_enrolment_id) references enrolment (id)'],
  import_job: ['primary key (id)'],
  import_mapping: ['primary key (user_id, kind)'],
  legal_hold: ['primary key (id)', 'unique legal_hold_one_in_force (citizen_id)'],
  meeting_facilitator: ['primary key (meeting_id, volunteer_id)'],
  note_version: ['primary key (id)'],
  organisation: ['no municipality_id column', 'primary key (id)'],
  outreach_contact: ['primary key (id)'],
  referral: ['primary key (id)', 'foreign key (receiving_enrolment_id) references enrolment (id)'],
  report_query: ['primary key (user_id, day, query_hash)', 'foreign key (user_id) references app_user (id)'],
  retention_run: ['primary key (id)'],
  retained_outcome_report: ['primary key (id)', 'foreign key (retention_run_id) references retention_run (id)'],
  training: ['primary key (id)'],
  treatment_group: ['primary key (id)'],
  treatment_plan_revision: ['primary key (id)', 'unique treatment_plan_revision_number (enrolment_id, revision)'],
  treatment_session: ['primary key (id)', 'unique treatment_session_number_unique (enrolment_id, session_number)'],
  volunteer: ['primary key (id)', 'foreign key (organisation_id) references organisation (id)'],
  youth_consent: ['primary key (id)'],
};

const sorted = (m: Record<string, string[]>): Record<string, string[]> => {
  const entries: [string, string[]][] = Object.entries(m).filter(([, list]) => list.length > 0).map(([t, list]) => [t, [...list].sort()]);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
};

/** docs/deployment.md's table: the first cell names the table, the second its exceptions, each in backticks. */
function documentedExceptions(): Record<string, string[]> {
  const doc = readFileSync(join(__dirname, '../../../../docs/deployment.md'), 'utf8');
  const heading = '### What sharding by municipality would take';
  const start = doc.indexOf(heading);
  if (start < 0) throw new Error(`docs/deployment.md has no "${heading}"`);
  const section = doc.slice(start + heading.length).split(/\n#{2,3} /)[0] ?? '';
  const rows = section.split('\n').filter((line) => /^\| `/.test(line));
  const found: Record<string, string[]> = {};
  for (const row of rows) {
    const [, tableCell, exceptionCell] = row.split('|');
    const table = /`([a-z_]+)`/.exec(tableCell ?? '')?.[1];
    if (!table) throw new Error(`docs/deployment.md: no table name in ${row}`);
    if (found[table]) throw new Error(`docs/deployment.md: ${table} has two rows`);
    found[table] = [...(exceptionCell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
  }
  return found;
}

async function catalogueExceptions(): Promise<{ tenantTables: string[]; exceptions: Record<string, string[]> }> {
  const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> => medium.owner.query(sql, params) as Promise<T[]>;
  const tenantTables = (
    await q<{ t: string }>(
      `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity AND NOT (c.relname = ANY($1))
        ORDER BY 1`,
      [REFERENCE_TABLES],
    )
  ).map((r) => r.t);
  const exceptions: Record<string, string[]> = Object.fromEntries(tenantTables.map((t) => [t, [] as string[]]));
  const add = (table: string, exception: string): void => {
    exceptions[table]?.push(exception);
  };

  const columns = await q<{ t: string; notnull: boolean | null }>(
    `SELECT c.relname AS t, a.attnotnull AS notnull FROM pg_class c
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped
      WHERE c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace`,
    [tenantTables],
  );
  for (const { t, notnull } of columns) {
    if (notnull === null) add(t, 'no municipality_id column');
    else if (!notnull) add(t, 'municipality_id may be null');
  }

  // Unique indexes (primary keys and unique constraints have one too) whose key leaves municipality_id out.
  const uniques = await q<{ t: string; name: string; pk: boolean; def: string }>(
    `SELECT c.relname AS t, i.relname AS name, x.indisprimary AS pk, pg_get_indexdef(x.indexrelid) AS def
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indisunique AND c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id'
                         AND a.attnum = ANY((x.indkey::int2[])[0:x.indnkeyatts - 1]))`,
    [tenantTables],
  );
  for (const u of uniques) {
    const key = /USING \w+ \((.+?)\)(?: WHERE |$)/.exec(u.def)?.[1] ?? u.def;
    add(u.t, u.pk ? `primary key (${key})` : `unique ${u.name} (${key})`);
  }

  // Foreign keys between tenant tables that do not tie the child's municipality_id to the parent's.
  const fks = await q<{ child: string; parent: string; cols: string; refs: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent,
            (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS cols,
            (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS refs
       FROM pg_constraint con JOIN pg_class ch ON ch.oid = con.conrelid JOIN pg_class pa ON pa.oid = con.confrelid
      WHERE con.contype = 'f' AND ch.relname = ANY($1) AND pa.relname = ANY($1)
        AND ch.relnamespace = 'public'::regnamespace AND pa.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (
          SELECT 1 FROM unnest(con.conkey, con.confkey) AS k(c, p)
            JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = k.c
            JOIN pg_attribute pa2 ON pa2.attrelid = con.confrelid AND pa2.attnum = k.p
           WHERE ca.attname = 'municipality_id' AND pa2.attname = 'municipality_id')`,
    [tenantTables],
  );
  for (const fk of fks) add(fk.child, `foreign key (${fk.cols}) references ${fk.parent} (${fk.refs})`);
  return { tenantTables, exceptions };
}

describe('the scale path: sharding by municipality, checked against the catalogue', () => {
  it('finds exactly the hand-written exceptions, and docs/deployment.md lists the same ones', async () => {
    const { tenantTables, exceptions } = await catalogueExceptions();
    // Every table the list names is a tenant table today (a renamed or dropped one fails here).
    expect(Object.keys(EXCEPTIONS).filter((t) => !tenantTables.includes(t))).toEqual([]);
    expect(sorted(exceptions)).toEqual(sorted(EXCEPTIONS));
    expect(sorted(documentedExceptions())).toEqual(sorted(EXCEPTIONS));
  });

  it('holds the rule for the tables that are not exceptions: composite keys to the same municipality', async () => {
    const { tenantTables, exceptions } = await catalogueExceptions();
    // At least these follow the rule in full (non-null municipality_id, no key or reference without it):
    // the check above is not passing because everything is an exception.
    const clean = tenantTables.filter((t) => exceptions[t]?.every((e) => e.startsWith('primary key')));
    expect(clean).toEqual(expect.arrayContaining(['assessment_revision', 'case_decision', 'citizen', 'enrolment_transition', 'treatment_group']));
    // And a composite foreign key that does carry it is not counted as an exception.
    const rows = (await medium.owner.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'treatment_session_enrolment_same_municipality'`,
    )) as { def: string }[];
    expect(rows[0]?.def).toBe('FOREIGN KEY (municipality_id, enrolment_id) REFERENCES enrolment(municipality_id, id) ON DELETE RESTRICT');
    expect(exceptions['treatment_session']?.some((e) => e.startsWith('foreign key'))).toBe(false);
  });

  it('leaves no tenant data outside row-level security: a table without it has no municipality_id', async () => {
    const rows = (await medium.owner.query(
      `SELECT c.relname AS t FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'municipality_id'
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity`,
    )) as { t: string }[];
    expect(rows.map((r) => r.t)).toEqual([]);
  });
});
