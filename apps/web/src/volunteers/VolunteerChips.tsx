import { Chip } from '@mui/material';
import type { VolunteerStatus } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';

const STATUS_COLOURS = { active: 'success', paused: 'warning', left: 'default' } as const;

export const VolunteerStatusChip = ({ status }: { status: VolunteerStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" color={STATUS_COLOURS[status]} label={translate(`app.volunteers.statuses.${status}`)} />;
};

/** "Trained" while a SMART facilitator training is valid today (the API answers it, by the domain rule). */
export const TrainedChip = ({ trained }: { trained: boolean }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={trained ? 'success' : 'warning'}
      label={translate(trained ? 'app.volunteers.trained' : 'app.volunteers.untrained')}
      data-testid={trained ? 'volunteer-trained' : 'volunteer-untrained'}
    />
  );
};
