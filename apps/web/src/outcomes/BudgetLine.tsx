import { Typography } from '@mui/material';
import type { ReportBudget } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';

/** "42 af 200 forespørgsler i dag": the evaluator sees the budget before it runs out, not only after. */
export const BudgetLine = ({ budget }: { budget: ReportBudget }) => {
  const translate = useTranslate();
  const spent = budget.used >= budget.limit;
  return (
    <Typography variant="body2" color={spent ? 'error' : 'text.secondary'} sx={{ mb: 2 }} data-testid="report-budget">
      {translate('app.outcomes.budget.line', { used: budget.used, limit: budget.limit })}
      {' · '}
      {translate('app.outcomes.budget.hint')}
    </Typography>
  );
};
