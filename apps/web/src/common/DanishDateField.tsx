import { TextField } from '@mui/material';
import type { TextFieldProps } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDate, formatLocalDateTime, formatMonth, parseDanishDate, parseDanishDateTime, parseDanishMonth, toLocalDateTime } from './dates';

export type DanishDateTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  /** YYYY-MM-DD (a month field: YYYY-MM; a moment: the browser's local YYYY-MM-DDTHH:mm), or '' for none. */
  value: string;
  /** Called with a whole date (month, moment) or '' when emptied; text that is no date stays in the box with a message. */
  onChange: (value: string) => void;
  month?: boolean;
  /** A date and time ("5.12.2026 10.45"), for what `<input type="datetime-local">` was. */
  moment?: boolean;
};

const KINDS = {
  day: { show: formatDate, read: parseDanishDate, placeholder: 'app.dates.placeholder', invalid: 'app.dates.invalid' },
  month: { show: formatMonth, read: parseDanishMonth, placeholder: 'app.dates.month_placeholder', invalid: 'app.dates.month_invalid' },
  moment: { show: (v: string) => formatLocalDateTime(toLocalDateTime(v)), read: parseDanishDateTime, placeholder: 'app.dates.moment_placeholder', invalid: 'app.dates.moment_invalid' },
} as const;

/**
 * The app's date (or month) box outside react-admin forms: shows and takes 5.12.2026 (12.2026)
 * whatever the browser's language, where `<input type="date">` follows the browser. See DanishDateInput.
 */
export const DanishDateTextField = ({ value, onChange, month = false, moment = false, error, helperText, onBlur, slotProps, ...rest }: DanishDateTextFieldProps) => {
  const translate = useTranslate();
  const kind = moment ? KINDS.moment : month ? KINDS.month : KINDS.day;
  const { show, read } = kind;
  const [text, setText] = useState(() => show(value));
  const [typedError, setTypedError] = useState(false);
  useEffect(() => {
    if ((read(text) ?? '') !== value) {
      setText(show(value));
      setTypedError(false);
    }
    // Only when the value changes from outside, not on every keystroke.
  }, [value]);
  return (
    <TextField
      {...rest}
      value={text}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        if (typed.trim() === '') {
          setTypedError(false);
          if (value !== '') onChange('');
          return;
        }
        const parsed = read(typed);
        if (parsed !== null) {
          setTypedError(false);
          if (parsed !== value) onChange(parsed);
        }
      }}
      onBlur={(event) => {
        const parsed = read(text);
        if (text.trim() !== '' && parsed === null) setTypedError(true);
        if (parsed !== null) setText(show(parsed));
        onBlur?.(event);
      }}
      placeholder={translate(kind.placeholder)}
      error={typedError || error}
      helperText={typedError ? translate(kind.invalid) : helperText}
      slotProps={{ ...slotProps, inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'data-danish-date': moment ? 'moment' : month ? 'month' : 'day' } }}
    />
  );
};
