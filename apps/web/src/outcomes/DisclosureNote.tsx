import { Alert, AlertTitle } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';

/** What "< 5" and "hidden" mean for evaluators; for staff, that their small numbers stay in the house. */
export const DisclosureNote = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  return (
    <Alert severity={report.disclosureControlled ? 'info' : 'warning'} data-testid="disclosure-note">
      <AlertTitle>{translate('app.outcomes.disclosure.title')}</AlertTitle>
      {translate(report.disclosureControlled ? 'app.outcomes.disclosure.controlled' : 'app.outcomes.disclosure.uncontrolled')}
    </Alert>
  );
};
