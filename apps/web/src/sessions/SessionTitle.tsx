import type { TreatmentSession } from '@outcomes/contracts';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';

export const SessionTitle = () => {
  const session = useRecordContext<TreatmentSession>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const name = translate('resources.sessions.name', { smart_count: 1 });
  return <>{session ? `${name}: ${formatDateTime(session.startsAt, locale)}` : name}</>;
};
