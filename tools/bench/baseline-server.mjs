// The yardstick for the API's list endpoints: bare node:http + pg running the same SQL the API runs
// for each list (the same role, outcomes_app, in the same kind of tenant transaction, so row-level
// security costs the same), with no framework, no authentication, no access log and no shaping
// beyond JSON. What the API spends above this is its own overhead.
import { createServer } from 'node:http';
import pg from 'pg';

const PAGE = 'LIMIT 25 OFFSET 0';

/** Each list: the page query and its count, as TypeORM's getManyAndCount issues them (see docs/performance.md). */
export const BASELINE_QUERIES = {
  citizensSearch: (p) => [
    [`SELECT * FROM citizen r WHERE r.name_tokens @> $1 ORDER BY r.created_at DESC, r.id ASC ${PAGE}`, [p.nameTokens]],
    ['SELECT count(DISTINCT r.id) FROM citizen r WHERE r.name_tokens @> $1', [p.nameTokens]],
  ],
  enrolmentsFiltered: (p) => [
    [`SELECT * FROM enrolment r WHERE r.state = $1 AND r.programme_id = $2 ORDER BY r.referral_date DESC, r.id ASC ${PAGE}`, ['active', p.programmeId]],
    ['SELECT count(DISTINCT r.id) FROM enrolment r WHERE r.state = $1 AND r.programme_id = $2', ['active', p.programmeId]],
  ],
  sessionsOfCitizen: (p) => [
    [`SELECT * FROM treatment_session r WHERE r.citizen_id = $1 ORDER BY r.starts_at DESC, r.id ASC ${PAGE}`, [p.citizenId]],
    ['SELECT count(DISTINCT r.id) FROM treatment_session r WHERE r.citizen_id = $1', [p.citizenId]],
  ],
  // The worklist's three queries (enrolments, then their assessments and attempts by id), without the schedule computed on top.
  worklist: (p) => [
    [`SELECT * FROM enrolment e WHERE e.state IN ('active', 'completed', 'dropped_out') AND e.staff_user_id = $1`, [p.staffUserId]],
    ['SELECT * FROM programme', []],
    (previous) => ['SELECT a.enrolment_id, a.timepoint, a.assessed_on FROM assessment a WHERE a.enrolment_id = ANY($1)', [previous[0].map((e) => e.id)]],
    (previous) => ['SELECT f.* FROM follow_up_attempt f WHERE f.enrolment_id = ANY($1) ORDER BY f.attempted_on ASC', [previous[0].map((e) => e.id)]],
  ],
};

/** Starts the baseline on a free port; `params` are the same ids and hashes the API requests use. */
export async function startBaseline({ appUrl, user, params, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: appUrl, max: poolSize });
  const server = createServer(async (req, res) => {
    const name = req.url.slice(1);
    const queries = BASELINE_QUERIES[name];
    if (!queries) {
      res.writeHead(404).end();
      return;
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true),
                set_config('app.municipality_id', $3, true), set_config('app.municipality_ids', $3, true)`,
        [user.id, user.role, user.municipalityId],
      );
      const results = [];
      for (const step of queries(params)) {
        const [sql, values] = typeof step === 'function' ? step(results) : step;
        results.push((await client.query(sql, values)).rows);
      }
      await client.query('COMMIT');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(results));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      res.writeHead(500).end(String(error));
    } finally {
      client.release();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
