import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ReportBudget } from '@outcomes/contracts';
import { ApiException } from '../common/errors/api.exception';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { Db } from '../tenancy/db.service';

export interface ReportQueryKey {
  programmeId: string;
  municipalityId: string;
  from: string;
  to: string;
}

/** The Danish day, and the seconds until it ends, by the database's clock. */
const DANISH_DAY_SQL = `
  SELECT (now() AT TIME ZONE 'Europe/Copenhagen')::date::text AS day,
    ceil(extract(epoch FROM (date_trunc('day', now() AT TIME ZONE 'Europe/Copenhagen') + interval '1 day') AT TIME ZONE 'Europe/Copenhagen' - now()))::int AS seconds_left`;

function exhausted(limit: number, secondsLeft: number): ApiException {
  return new ApiException(
    429,
    'REPORT_BUDGET_EXHAUSTED',
    `The day's budget of ${limit} distinct report queries is used up; it starts again at midnight, Danish time, in ${secondsLeft} s. A query already asked today can be asked again. / Dagens budget på ${limit} forskellige rapportforespørgsler er brugt; det starter igen ved midnat (dansk tid). En forespørgsel, der allerede er stillet i dag, kan stilles igen.`,
    undefined,
    { retryAfterSeconds: secondsLeft },
  );
}

/**
 * An evaluator's daily budget of distinct report queries (docs/disclosure.md: many different
 * questions with the same true answer would average the noise away). A query is its programme,
 * municipality and period; asking it again the same Danish day costs nothing.
 */
@Injectable()
export class ReportBudgetService {
  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<ReportBudget> {
    const manager = this.db.manager();
    const [{ day }] = (await manager.query(DANISH_DAY_SQL)) as [{ day: string }];
    const [{ used }] = (await manager.query(`SELECT count(*)::int AS used FROM report_query WHERE user_id = $1 AND day = $2`, [this.db.user().id, day])) as [{ used: number }];
    return { used, limit: this.config.reportQueryBudget, day };
  }

  /** Counts the query against today's budget (unless asked already today); 429 past the budget. */
  async spend(query: ReportQueryKey): Promise<ReportBudget> {
    const manager = this.db.manager();
    const userId = this.db.user().id;
    const limit = this.config.reportQueryBudget;
    const hash = createHash('sha256').update([query.programmeId, query.municipalityId, query.from, query.to].join('|')).digest('hex');
    // One evaluator's concurrent reports take turns here, so two cannot both take the last place.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('report_query:' || $1, 0))`, [userId]);
    const [{ day, seconds_left: secondsLeft }] = (await manager.query(DANISH_DAY_SQL)) as [{ day: string; seconds_left: number }];
    const [{ used, asked }] = (await manager.query(
      `SELECT count(*)::int AS used, coalesce(bool_or(query_hash = $3), false) AS asked FROM report_query WHERE user_id = $1 AND day = $2`,
      [userId, day, hash],
    )) as [{ used: number; asked: boolean }];
    if (asked) return { used, limit, day };
    if (used >= limit) throw exhausted(limit, Math.max(1, secondsLeft));
    await manager.query(`INSERT INTO report_query (user_id, day, query_hash, municipality_id) VALUES ($1, $2, $3, $4)`, [userId, day, hash, this.db.municipalityId()]);
    return { used: used + 1, limit, day };
  }
}
