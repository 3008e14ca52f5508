import ReferralIcon from '@mui/icons-material/ForwardToInbox';
import { ReferralCreate } from './ReferralCreate';
import { ReferralsPage } from './ReferralsPage';

/** Referrals under free choice: one page of incoming and outgoing referrals, and the form opened from a request. */
export const referrals = {
  list: ReferralsPage,
  create: ReferralCreate,
  icon: ReferralIcon,
};
