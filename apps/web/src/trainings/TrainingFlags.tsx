import { Chip } from '@mui/material';
import type { Training } from '@outcomes/contracts';
import { expiresSoon, isTrained, RENEWAL_WARNING_DAYS } from '@outcomes/domain';
import { useTranslate } from 'react-admin';
import { todayLocal } from '../common/dates';

/** A SMART training's standing today, by the domain rules: valid, expiring within 60 days, or expired. */
export const TrainingFlags = ({ training }: { training: Training }) => {
  const translate = useTranslate();
  if (training.kind !== 'smart-facilitator') return null;
  const today = todayLocal();
  if (expiresSoon(training, today)) {
    return <Chip size="small" color="warning" label={translate('app.trainings.expires_soon', { days: RENEWAL_WARNING_DAYS })} data-testid="training-expires-soon" />;
  }
  return isTrained([training], today) ? (
    <Chip size="small" color="success" label={translate('app.trainings.valid')} />
  ) : (
    <Chip size="small" color="error" label={translate('app.trainings.expired')} />
  );
};
