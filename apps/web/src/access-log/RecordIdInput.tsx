import { TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { InputProps } from 'react-admin';
import { FieldTitle, useInput, useTranslate } from 'react-admin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record's id as a log filter: only a whole id reaches the filter (and the API); anything else
 * stays in the box with a Danish message, so the list never asks with a bad value.
 */
export const RecordIdInput = ({ source, label, resource }: Pick<InputProps, 'source' | 'label' | 'resource'>) => {
  const translate = useTranslate();
  const { field, id } = useInput({ source, resource });
  const value = typeof field.value === 'string' ? field.value : '';
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text.trim().toLowerCase() !== value.toLowerCase()) setText(value);
    // Only when the filter changes from outside (cleared).
  }, [value]);
  const trimmed = text.trim();
  const bad = trimmed !== '' && !UUID.test(trimmed);
  return (
    <TextField
      id={id}
      size="small"
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const t = next.trim();
        if (t === '') field.onChange('');
        else if (UUID.test(t)) field.onChange(t.toLowerCase());
      }}
      label={<FieldTitle label={label} source={source} resource={resource} />}
      error={bad}
      helperText={bad ? translate('app.access_log.record_id_invalid') : undefined}
      autoComplete="off"
      // A list's filter form hides helper texts; an id it cannot use must still say why.
      sx={{ '& .MuiFormHelperText-root.Mui-error': { display: 'block' } }}
    />
  );
};
