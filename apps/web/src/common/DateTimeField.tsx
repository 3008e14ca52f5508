import { Typography } from '@mui/material';
import type { FieldProps } from 'react-admin';
import { useFieldValue, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from './dates';

const Shown = ({ text, emptyText }: { text: string; emptyText: string | undefined }) => {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {text || (emptyText ? translate(emptyText, { _: emptyText }) : '')}
    </Typography>
  );
};

/** A moment as the app shows every moment: "5.12.2026 10.46", Danish time (common/dates.ts). */
export const DateTimeField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return <Shown text={typeof value === 'string' ? formatDateTime(value) : ''} emptyText={props.emptyText} />;
};

/** A calendar date as the app shows every date: "5.12.2026" (common/dates.ts); react-admin's DateField follows the browser. */
export const DateOnlyField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return <Shown text={typeof value === 'string' ? formatDate(value) : ''} emptyText={props.emptyText} />;
};
