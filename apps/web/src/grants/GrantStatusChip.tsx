import { Chip } from '@mui/material';
import type { EvaluatorGrant, GrantStatus } from '@outcomes/contracts';
import { useRecordContext, useTranslate } from 'react-admin';

const COLOURS: Record<GrantStatus, 'success' | 'default' | 'warning'> = { active: 'success', future: 'default', expired: 'default', revoked: 'warning' };

export const GrantStatusChip = () => {
  const grant = useRecordContext<EvaluatorGrant>();
  const translate = useTranslate();
  if (!grant) return null;
  return <Chip size="small" variant="outlined" color={COLOURS[grant.status]} label={translate(`app.grants.status.${grant.status}`)} />;
};
