import { Confirm, useLocaleState } from 'react-admin';
import { apiErrorOf } from '../common/http-errors';
import { formatDate } from '../common/dates';
import { dayKey } from './week';

/** The API's answer to a second meeting or session on a day: 409 DUPLICATE_DATE, to be asked about. */
export const isDuplicateDate = (error: unknown): boolean => {
  const body = apiErrorOf(error);
  return body.status === 409 && body.code === 'DUPLICATE_DATE';
};

/**
 * Asks, in Danish, whether to log a second meeting (or session) on a day that already has one; the
 * form resends with `confirmDuplicate: true` on yes. Open while `startsAt` is set.
 */
export const DuplicateDateConfirm = ({ what, startsAt, onConfirm, onClose }: { what: 'meeting' | 'session'; startsAt: string | undefined; onConfirm: () => void; onClose: () => void }) => {
  const [locale] = useLocaleState();
  const moment = startsAt ? new Date(startsAt) : undefined;
  const date = moment && !Number.isNaN(moment.getTime()) ? formatDate(dayKey(moment), locale) : '';
  return (
    <Confirm
      isOpen={Boolean(startsAt)}
      title="app.duplicate_date.title"
      content={`app.duplicate_date.${what}`}
      translateOptions={{ date }}
      confirm="app.duplicate_date.confirm"
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
};
