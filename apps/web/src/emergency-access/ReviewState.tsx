import { Chip } from '@mui/material';
import type { EmergencyAccess } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';

/** The review as a chip: waiting (warning), reviewed, raised (error). */
export const ReviewState = ({ access }: { access: Pick<EmergencyAccess, 'reviewState'> }) => {
  const translate = useTranslate();
  const color = access.reviewState === 'pending' ? 'warning' : access.reviewState === 'raised' ? 'error' : 'success';
  return <Chip size="small" variant="outlined" color={color} label={translate(`app.emergencyAccess.review_states.${access.reviewState}`)} />;
};

/** Whether the access is still open, with its end: "Aktiv til 6.12.2026 10.46" / "Udløbet …". */
export const Expiry = ({ access }: { access: Pick<EmergencyAccess, 'active' | 'expiresAt'> }) => {
  const translate = useTranslate();
  return <>{translate(access.active ? 'app.emergencyAccess.active_until' : 'app.emergencyAccess.expired_at', { date: formatDateTime(access.expiresAt) })}</>;
};
