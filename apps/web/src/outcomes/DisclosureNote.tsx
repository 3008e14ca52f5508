import { Alert, AlertTitle } from '@mui/material';
import type { OutcomeReport } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';

/**
 * For evaluators, the noise in one plain sentence (the wording) and what "< 5" means; for
 * staff, that their exact small numbers stay in the house.
 */
export const DisclosureNote = ({ report }: { report: OutcomeReport }) => {
  const translate = useTranslate();
  if (!report.disclosureControlled) {
    return (
      <Alert severity="warning" data-testid="disclosure-note">
        <AlertTitle>{translate('app.outcomes.disclosure.title')}</AlertTitle>
        {translate('app.outcomes.disclosure.uncontrolled')}
      </Alert>
    );
  }
  return (
    <Alert severity="info" data-testid="disclosure-note">
      <AlertTitle data-testid="noise-sentence">{translate('app.outcomes.disclosure.noise')}</AlertTitle>
      {translate('app.outcomes.disclosure.controlled')}
    </Alert>
  );
};
