import { Typography } from '@mui/material';
import type { GuaranteeState } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { guaranteeText } from './guarantee-text';

const COLOUR = { error: 'error.main', warning: 'text.primary', success: 'success.main', neutral: 'text.primary' } as const;

/**
 * "garanti: 3 dage tilbage · sidste dag 15.3.2026"; overdue or missed in red, and the words say so.
 * Anonymous treatment (§ 101 a, `guarantee` null) has no clock: "ingen behandlingsgaranti".
 */
export const GuaranteeStatus = ({ guarantee, withKind = true }: { guarantee: GuaranteeState | null; withKind?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (guarantee === null) {
    return (
      <Typography variant="body2" component="span" data-testid="guarantee-status">
        {withKind && `${translate('app.caseRequests.anonymous')} · `}
        {translate('app.caseRequests.no_guarantee')}
      </Typography>
    );
  }
  const text = guaranteeText(guarantee);
  const open = guarantee.status === 'running' || guarantee.status === 'overdue';
  return (
    <Typography variant="body2" component="span" sx={{ color: COLOUR[text.tone], fontWeight: text.tone === 'error' ? 600 : undefined }} data-testid="guarantee-status">
      {translate(text.key, text.args)}
      {open && ` · ${translate('app.caseRequests.guarantee.deadline', { date: formatDate(guarantee.deadline, locale) })}`}
      {guarantee.reasonMissing && ` · ${translate('app.caseRequests.guarantee.reason_missing')}`}
    </Typography>
  );
};
