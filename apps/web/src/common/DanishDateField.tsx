import { TextField } from '@mui/material';
import type { TextFieldProps } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDate, formatMonth, parseDanishDate, parseDanishMonth } from './dates';

export type DanishDateTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  /** YYYY-MM-DD (a month field: YYYY-MM), or '' for none. */
  value: string;
  /** Called with a whole date (month) or '' when emptied; text that is no date stays in the box with a message. */
  onChange: (value: string) => void;
  month?: boolean;
};

/**
 * The app's date (or month) box outside react-admin forms: shows and takes 5.12.2026 (12.2026)
 * whatever the browser's language, where `<input type="date">` follows the browser. See DanishDateInput.
 */
export const DanishDateTextField = ({ value, onChange, month = false, error, helperText, onBlur, slotProps, ...rest }: DanishDateTextFieldProps) => {
  const translate = useTranslate();
  const show = month ? formatMonth : formatDate;
  const read = month ? parseDanishMonth : parseDanishDate;
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
      placeholder={translate(month ? 'app.dates.month_placeholder' : 'app.dates.placeholder')}
      error={typedError || error}
      helperText={typedError ? translate(month ? 'app.dates.month_invalid' : 'app.dates.invalid') : helperText}
      slotProps={{ ...slotProps, inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'data-danish-date': month ? 'month' : 'day' } }}
    />
  );
};
