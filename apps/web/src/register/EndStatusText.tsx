import type { RegisterEndStatus } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { useLocaleState } from 'react-admin';
import { endStatusLabel, fetchEndStatuses } from './api';

/** An enrolment's end status as its label in the user's language (the code list is national data). */
export const EndStatusText = ({ code }: { code: string | null }) => {
  const [locale] = useLocaleState();
  const [statuses, setStatuses] = useState<RegisterEndStatus[]>([]);
  useEffect(() => {
    if (code) fetchEndStatuses().then(setStatuses, () => setStatuses([]));
  }, [code]);
  if (!code) return null;
  return <>{endStatusLabel(statuses.find((s) => s.code === code), locale, code)}</>;
};
