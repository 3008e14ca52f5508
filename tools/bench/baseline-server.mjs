// The yardstick for the API's list endpoints: bare node:http + pg running the same SQL the API runs
// for each list (the same role, outcomes_app, in the same kind of tenant transaction, so row-level
// security costs the same), with no framework, no authentication, no access log and no shaping
// beyond JSON. What the API spends above this is its own overhead.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import ts from 'typescript';

const PAGE = 'LIMIT 25 OFFSET 0';

/**
 * The worklist's query, from the API's own module (apps/api/src/assessments/worklist-sql.ts, which
 * imports nothing) compiled here rather than copied, so that the baseline sends exactly the text the
 * API sends for a staff member's worklist (decision 148).
 */
async function worklistSql() {
  const source = readFileSync(new URL('../../apps/api/src/assessments/worklist-sql.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const module = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
  return module.worklistSql({ staff: true, centre: false });
}
const WORKLIST_SQL = await worklistSql();

/** Today's Danish date, as the API's danishToday() computes it (the worklist's windows are in Danish days). */
const danishToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

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
  // The worklist's one query (its schedule, filter, order, page, total and attempts all in SQL), with
  // the API's parameters: today, the ended states, the staff member, no centre, no status, the page.
  worklist: (p) => [[WORKLIST_SQL, [danishToday(), ['completed', 'dropped_out'], p.staffUserId, null, null, 25, 0]]],
};

/** One name per statement text, on every connection of the pool. */
const statementNames = new Map();
const statementName = (text) => {
  if (!statementNames.has(text)) statementNames.set(text, `baseline_${statementNames.size + 1}`);
  return statementNames.get(text);
};

/** Starts the baseline on a free port; `params` are the same ids and hashes the API requests use. */
export async function startBaseline({ appUrl, user, params, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: appUrl, max: poolSize });
  // An idle connection that the server ends (the throwaway database stopping under it) is no failure
  // of the baseline's: without a listener, pg's pool re-throws it and ends the whole bench (exit 1).
  pool.on('error', (error) => process.stderr.write(`[bench] baseline: an idle database connection ended (${error.message})\n`));
  // pool.end() resolves once it has asked its connections to close, not when they have: stop() waits
  // for each, or the database stopping right after ends one still closing (the error above).
  const open = new Set();
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
  });
  const server = createServer(async (req, res) => {
    const name = req.url.slice(1);
    const queries = BASELINE_QUERIES[name];
    if (!queries) {
      res.writeHead(404).end();
      return;
    }
    let client;
    try {
      client = await pool.connect();
    } catch (error) {
      res.writeHead(503).end(String(error));
      return;
    }
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
        // Prepared, as the API's connections prepare what they send again (decision 188): PostgreSQL
        // may then keep a generic plan, as it may for the API (the worklist: 3 against 14-18 ms).
        results.push((await client.query({ name: statementName(sql), text: sql, values })).rows);
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
    /** Before the database stops: no connection of the pool is left for it to end. */
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      const closed = [...open].map((client) => new Promise((resolve) => client.once('end', resolve)));
      await pool.end();
      await Promise.all(closed);
    },
  };
}
