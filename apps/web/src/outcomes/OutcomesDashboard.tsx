import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { todayLocal } from '../common/dates';
import { AsiChangePanel } from './AsiChangePanel';
import { BenchmarkPanel } from './BenchmarkPanel';
import { CountsPanel } from './CountsPanel';
import { DisclosureNote } from './DisclosureNote';
import { DrugFreePanel } from './DrugFreePanel';
import { EconomyPanel } from './EconomyPanel';
import { defaultFilters, reportQuery } from './filters';
import type { OutcomeFilterValues } from './filters';
import { OutcomeFilters } from './OutcomeFilters';
import type { ReportState } from './use-outcome-report';
import { useOutcomeReport, useReportBudget } from './use-outcome-report';
import { failureMessage } from './report-errors';
import { BudgetLine } from './BudgetLine';
import { KeptFigures, KeptYearsNote } from './KeptFigures';

const TwoColumns = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, alignItems: 'start' }}>{children}</Box>
);

const Report = ({ report, testId = 'outcome-report' }: { report: OutcomeReport; testId?: string }) => (
  <Box sx={{ display: 'grid', gap: 2 }} data-testid={testId}>
    <KeptYearsNote report={report} />
    <DisclosureNote report={report} />
    <TwoColumns>
      <CountsPanel report={report} />
      <BenchmarkPanel report={report} />
    </TwoColumns>
    <DrugFreePanel report={report} />
    <TwoColumns>
      <AsiChangePanel report={report} />
      <EconomyPanel report={report} />
    </TwoColumns>
  </Box>
);

const ReportOrStatus = ({ state, programmeChosen }: { state: ReportState; programmeChosen: boolean }) => {
  const translate = useTranslate();
  switch (state.status) {
    case 'idle':
      // With a programme chosen, only the period can be holding the report back; its rule is said beside it.
      return <Typography color="text.secondary">{translate(programmeChosen ? 'app.outcomes.fix_period' : 'app.outcomes.choose_programme')}</Typography>;
    case 'loading':
      return <LinearProgress aria-label={translate('app.outcomes.loading')} />;
    case 'failed': {
      const [key, options] = failureMessage(state.failure);
      return (
        <Alert severity={state.failure.kind === 'budget' ? 'warning' : 'error'} data-testid="outcome-error">
          {translate(key, options)}
        </Alert>
      );
    }
    case 'done':
      return <Report report={state.report} />;
  }
};

/**
 * The outcomes of a programme in a municipality for a referral period, for evaluators (their own and
 * granted municipalities, disclosure-controlled) and staff (their own, as it is).
 */
export const OutcomesDashboard = () => {
  const translate = useTranslate();
  const identity = useGetIdentity().identity as Identity | undefined;
  const [filters, setFilters] = useState<OutcomeFilterValues | null>(null);
  // Evaluators see perturbed figures over whole months, against a daily budget; staff exact ones over any days.
  const evaluator = identity?.role === 'evaluator';
  useEffect(() => {
    if (identity && filters === null) setFilters(defaultFilters(identity.municipalityId ?? '', todayLocal(), identity.role === 'evaluator'));
  }, [identity, filters]);
  const state = useOutcomeReport(filters && reportQuery(filters, evaluator));
  const budget = useReportBudget(evaluator, state);
  return (
    <Box sx={{ py: 2 }} data-testid="outcomes-dashboard">
      <Title title={translate('app.outcomes.title')} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
        {translate('app.outcomes.intro')}
      </Typography>
      {filters && identity && <OutcomeFilters values={filters} onChange={setFilters} ownMunicipalityOnly={!evaluator} wholeMonths={evaluator} />}
      {budget && <BudgetLine budget={budget} />}
      <ReportOrStatus state={state} programmeChosen={(filters?.programmeId ?? '') !== ''} />
      {filters && (
        <Box sx={{ mt: 2 }}>
          <KeptFigures programmeId={filters.programmeId} municipalityId={filters.municipalityId} renderReport={(report) => <Report report={report} testId="kept-outcome-report" />} />
        </Box>
      )}
    </Box>
  );
};
