import { Typography } from '@mui/material';
import type { FieldProps } from 'react-admin';
import { useFieldValue } from 'react-admin';
import { formatDate, formatDateTime } from './dates';

/** A moment as the app shows every moment: "5.12.2026 10.46", Danish time (common/dates.ts). */
export const DateTimeField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {typeof value === 'string' ? formatDateTime(value) : ''}
    </Typography>
  );
};

/** A calendar date as the app shows every date: "5.12.2026" (common/dates.ts); react-admin's DateField follows the browser. */
export const DateOnlyField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {typeof value === 'string' ? formatDate(value) : ''}
    </Typography>
  );
};
