import { TextField } from '@mui/material';
import type { TextFieldProps } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { InputProps, Validator } from 'react-admin';
import { FieldTitle, InputHelperText, useInput, useTranslate } from 'react-admin';
import { formatDate, formatLocalDateTime, formatMonth, parseDanishDate, parseDanishDateTime, parseDanishMonth, toLocalDateTime } from './dates';

export type DanishDateInputProps = InputProps &
  Omit<TextFieldProps, 'label' | 'helperText' | 'onChange' | 'onBlur' | 'defaultValue' | 'type' | 'value'> & {
    /** Shown under the input (a translation key or text); false for none. */
    helperText?: string | false;
  };

const asList = (validate: Validator | Validator[] | undefined): Validator[] => (validate === undefined ? [] : Array.isArray(validate) ? validate : [validate]);

interface Kind {
  show: (iso: string) => string;
  read: (typed: string) => string | null;
  placeholder: string;
  invalid: string;
}

const DAY: Kind = { show: formatDate, read: parseDanishDate, placeholder: 'app.dates.placeholder', invalid: 'app.dates.invalid' };
const MONTH: Kind = { show: formatMonth, read: parseDanishMonth, placeholder: 'app.dates.month_placeholder', invalid: 'app.dates.month_invalid' };
const MOMENT: Kind = {
  show: (value) => formatLocalDateTime(toLocalDateTime(value)),
  read: parseDanishDateTime,
  placeholder: 'app.dates.moment_placeholder',
  invalid: 'app.dates.moment_invalid',
};

/**
 * A text input in the Danish format (dd.mm.åååå), whatever the browser's language: react-admin's
 * DateInput is `<input type="date">`, which shows the browser locale's format (mm/dd/yyyy in an
 * English browser). The form holds ISO (YYYY-MM-DD) as before; text that is no date is never put in
 * the form (so a list filter is never sent a bad value) and blocks saving with a message on the field.
 */
function makeInput(kind: Kind) {
  const Input = (props: DanishDateInputProps) => {
    const { source, label, helperText, validate, defaultValue, resource, format, parse, onChange, onBlur, alwaysOn: _alwaysOn, ...rest } = props as DanishDateInputProps & { alwaysOn?: boolean };
    const translate = useTranslate();
    const typedIsInvalid = useRef(false);
    const notADate: Validator = () => (typedIsInvalid.current ? kind.invalid : undefined);
    const {
      field,
      fieldState: { error, invalid },
      id,
      isRequired,
    } = useInput({ source, defaultValue, resource, format, parse, onChange, onBlur, validate: [...asList(validate), notADate] });
    // A moment from the API is an instant (with Z); the input holds the browser's local time, as react-admin's DateTimeInput does.
    const value = typeof field.value === 'string' ? (kind === MOMENT ? toLocalDateTime(field.value) : field.value) : '';
    const [text, setText] = useState(() => kind.show(value));
    const [typedError, setTypedError] = useState(false);

    // The form's value changed from outside (a reset, a cleared filter, a default): show it.
    useEffect(() => {
      if ((kind.read(text) ?? '') !== value) {
        setText(kind.show(value));
        typedIsInvalid.current = false;
        setTypedError(false);
      }
      // Only when the value changes, not on every keystroke.
    }, [value]);

    const commit = (typed: string, final: boolean) => {
      if (typed.trim() === '') {
        typedIsInvalid.current = false;
        setTypedError(false);
        if (value !== '') field.onChange(null);
        return;
      }
      const iso = kind.read(typed);
      typedIsInvalid.current = iso === null;
      if (iso !== null) {
        setTypedError(false);
        if (iso !== value) field.onChange(iso);
      } else if (final) {
        setTypedError(true);
      }
    };

    const message = typedError ? kind.invalid : error?.message;
    return (
      <TextField
        id={id}
        name={field.name}
        inputRef={field.ref}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          commit(event.target.value, false);
        }}
        onBlur={() => {
          commit(text, true);
          if (kind.read(text) !== null) setText(kind.show(kind.read(text) ?? ''));
          field.onBlur();
        }}
        placeholder={translate(kind.placeholder)}
        label={label !== '' && label !== false ? <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} /> : null}
        error={typedError || invalid}
        helperText={helperText !== false || message ? <InputHelperText error={message} helperText={helperText} /> : null}
        className={`ra-input ra-input-${source}`}
        {...rest}
        // A list's filter form hides helper texts; a date it cannot use must still say why.
        sx={[{ '& .MuiFormHelperText-root.Mui-error': { display: 'block' } }, ...(Array.isArray(rest.sx) ? rest.sx : [rest.sx])]}
        slotProps={{ ...rest.slotProps, inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'data-danish-date': kind === DAY ? 'day' : kind === MONTH ? 'month' : 'moment' } }}
      />
    );
  };
  return Input;
}

/** The app's date input: shows and takes 5.12.2026, holds 2026-12-05. Use it for every date instead of react-admin's DateInput. */
export const DanishDateInput = makeInput(DAY);

/** The app's month input: shows and takes 12.2026, holds 2026-12. */
export const DanishMonthInput = makeInput(MONTH);

/** The app's date-and-time input: shows and takes 5.12.2026 10.46 (the browser's local time), holds YYYY-MM-DDTHH:mm as react-admin's DateTimeInput does. */
export const DanishDateTimeInput = makeInput(MOMENT);
