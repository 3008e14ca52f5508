import { Chip } from '@mui/material';
import type { EnrolmentState } from '@outcomes/contracts';
import { isOpen } from '@outcomes/domain';
import { useTranslate } from 'react-admin';
import { STATE_COLOURS } from './states';

export const EnrolmentStateChip = ({ state }: { state: EnrolmentState }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATE_COLOURS[state]}
      variant={isOpen(state) ? 'filled' : 'outlined'}
      label={translate(`resources.enrolments.states.${state}`)}
      data-testid="enrolment-state"
    />
  );
};

/** "1 af 12" beside its meaning, for the timeline and the enrolment page. */
export const ProgressText = ({ attended, expected }: { attended: number; expected: number }) => {
  const translate = useTranslate();
  return (
    <span data-testid="enrolment-progress" title={translate('resources.enrolments.progress_hint')}>
      {translate('resources.enrolments.progress', { attended, expected })}
    </span>
  );
};
