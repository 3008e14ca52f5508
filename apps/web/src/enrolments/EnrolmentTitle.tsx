import type { Enrolment, Programme } from '@outcomes/contracts';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';

/** "Forløb: MOVE · Jens Hansen": the page title of one enrolment. */
export const EnrolmentTitle = () => {
  const enrolment = useRecordContext<Enrolment>();
  const translate = useTranslate();
  const { data: programme } = useGetOne<Programme>('programmes', { id: enrolment?.programmeId ?? '' }, { enabled: Boolean(enrolment) });
  const { data: citizen } = useGetOne<{ id: string; firstName: string; lastName: string }>(
    'citizens',
    { id: enrolment?.citizenId ?? '' },
    { enabled: Boolean(enrolment) },
  );
  const parts = [programme?.code, citizen && `${citizen.firstName} ${citizen.lastName}`].filter(Boolean);
  return <>{`${translate('resources.enrolments.name', { smart_count: 1 })}${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`}</>;
};
