import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ReportBudget } from '@outcomes/contracts';
import { ApiException } from '../common/errors/api.exception';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { Db } from '../tenancy/db.service';
import { danishDay, insertReportQuery, lockReportBudget, reportQueriesAsked, reportQueriesUsed } from './outcomes.queries';

export interface ReportQueryKey {
  programmeId: string;
  municipalityId: string;
  from: string;
  to: string;
}

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
    const { day } = await danishDay(manager);
    const used = await reportQueriesUsed(manager, this.db.user().id, day);
    return { used, limit: this.config.reportQueryBudget, day };
  }

  /** Counts the query against today's budget (unless asked already today); 429 past the budget. */
  async spend(query: ReportQueryKey): Promise<ReportBudget> {
    const manager = this.db.manager();
    const userId = this.db.user().id;
    const limit = this.config.reportQueryBudget;
    const hash = createHash('sha256').update([query.programmeId, query.municipalityId, query.from, query.to].join('|')).digest('hex');
    // One evaluator's concurrent reports take turns here, so two cannot both take the last place.
    await lockReportBudget(manager, userId);
    const { day, seconds_left: secondsLeft } = await danishDay(manager);
    const { used, asked } = await reportQueriesAsked(manager, userId, day, hash);
    if (asked) return { used, limit, day };
    if (used >= limit) throw exhausted(limit, Math.max(1, secondsLeft));
    await insertReportQuery(manager, { userId, day, hash, municipalityId: this.db.municipalityId() });
    return { used: used + 1, limit, day };
  }
}
