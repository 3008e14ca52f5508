import { Box, FormHelperText, InputAdornment, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { AsiItem } from '@outcomes/domain';
import { useId } from 'react';
import { useInput, useLocaleState, useTranslate } from 'react-admin';
import { itemError } from './assessment-form';

/** The choices of the items answered by a click, as the API's values ('' is never a choice: it is "not answered"). */
const CHOICES: Partial<Record<AsiItem['type'], { value: string; label: string }[]>> = {
  rating: ['0', '1', '2', '3', '4'].map((value) => ({ value, label: value })),
  yesno: [
    { value: '0', label: 'resources.assessments.answers.no' },
    { value: '1', label: 'resources.assessments.answers.yes' },
  ],
  relationship: [
    { value: '0', label: 'resources.assessments.answers.no' },
    { value: '1', label: 'resources.assessments.answers.yes' },
    { value: 'N', label: 'resources.assessments.answers.no_relationship' },
  ],
  satisfaction: [
    { value: 'no', label: 'resources.assessments.answers.no' },
    { value: 'indifferent', label: 'resources.assessments.answers.indifferent' },
    { value: 'yes', label: 'resources.assessments.answers.yes' },
  ],
};

const UNITS: Partial<Record<AsiItem['type'], string>> = {
  days: 'resources.assessments.hints.days',
  money: 'resources.assessments.hints.money',
  severity: 'resources.assessments.hints.severity',
};

/**
 * One ASI item, labelled in the UI language, with the input its type asks for: buttons for the
 * answers chosen by a click (clicking the chosen one again leaves it unanswered), a short text field
 * for days, amounts and the 0-9 severity rating. Its error, from the form or from the API, names the rule.
 */
export const AsiItemInput = ({ item }: { item: AsiItem }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labelId = useId();
  const { field, fieldState } = useInput({ source: `items.${item.code}`, validate: (value: string | undefined) => itemError(item.code, value) });
  const value = typeof field.value === 'string' ? field.value : '';
  const error = fieldState.error ? translate(`resources.assessments.rules.${item.type}`) : undefined;
  const choices = CHOICES[item.type];
  const unit = UNITS[item.type];
  return (
    <Box
      data-testid={`asi-item-${item.code}`}
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(0, 1fr) auto' }, gap: 1, alignItems: 'center', py: 0.75 }}
    >
      <Typography id={labelId} component="label" htmlFor={choices ? undefined : `${labelId}-input`} variant="body2">
        {locale === 'en' ? item.en : item.da}{' '}
        <Typography component="span" variant="caption" color="text.secondary">
          {item.code}
        </Typography>
      </Typography>
      <Box sx={{ justifySelf: { sm: 'end' } }}>
        {choices ? (
          <ToggleButtonGroup
            exclusive
            color="primary"
            size="small"
            value={value}
            aria-labelledby={labelId}
            // The group carries the error as the text field does, so a refused save lands here (common/focus.ts) and reads why.
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${labelId}-error` : undefined}
            onChange={(_event, next: string | null) => field.onChange(next ?? '')}
            onBlur={field.onBlur}
          >
            {choices.map((choice) => (
              <ToggleButton key={choice.value} value={choice.value} sx={{ minWidth: 44, textTransform: 'none' }}>
                {translate(choice.label)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        ) : (
          <TextField
            id={`${labelId}-input`}
            name={field.name}
            inputRef={field.ref}
            hiddenLabel
            size="small"
            value={value}
            onChange={(event) => field.onChange(event.target.value)}
            onBlur={field.onBlur}
            error={Boolean(error)}
            sx={{ width: 150 }}
            slotProps={{
              htmlInput: { inputMode: item.type === 'money' ? 'decimal' : 'numeric', 'aria-describedby': error ? `${labelId}-error` : undefined },
              input: unit ? { endAdornment: <InputAdornment position="end">{translate(unit)}</InputAdornment> } : undefined,
            }}
          />
        )}
        {error && (
          <FormHelperText id={`${labelId}-error`} error sx={{ textAlign: { sm: 'right' } }}>
            {error}
          </FormHelperText>
        )}
      </Box>
    </Box>
  );
};
