import { useLocaleState } from 'react-admin';
import { formatDate } from '../common/dates';

/** A calendar date (YYYY-MM-DD) in the chosen language; no time zone moves it to another day. */
export const CalendarDate = ({ date }: { date: string | null | undefined }) => {
  const [locale] = useLocaleState();
  return <>{formatDate(date, locale)}</>;
};
