import { TextField as MuiTextField } from '@mui/material';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  email,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { Row } from '../common/Row';
import { Section } from '../common/Section';
import { languageChoices, sexChoices } from './choices';
import { cprFeedback, validateCpr } from './cpr-feedback';

const COMPLETE_CPR = /^\s*\d{6}-?\d{4}\s*$/;

/**
 * The CPR number, checked by libs/domain's rules as it is typed: the rule as the error as soon as ten
 * digits are there (or the field was left), warnings such as a replacement number as helper text.
 */
const CprInput = () => {
  const translate = useTranslate();
  const cpr = useWatch({ name: 'cpr' }) as unknown;
  const { trigger, getFieldState } = useFormContext();
  useEffect(() => {
    const { isTouched, error } = getFieldState('cpr');
    const complete = typeof cpr === 'string' && COMPLETE_CPR.test(cpr);
    if (complete || isTouched || error) void trigger('cpr');
  }, [cpr, trigger, getFieldState]);
  const { warnings, info } = cprFeedback(cpr);
  const helperText =
    warnings.length > 0 ? warnings.map((key) => translate(key)).join(' ') : info ? 'app.helper.cpr_valid' : 'app.helper.cpr';
  return (
    <TextInput
      source="cpr"
      validate={validateCpr}
      helperText={helperText}
      onBlur={() => void trigger('cpr')}
      autoComplete="off"
      slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
    />
  );
};

/** Read-only: what the CPR number says, so it is never typed twice (or differently). */
const Derived = ({ label, value }: { label: string; value: string | number }) => {
  const translate = useTranslate();
  return (
    <MuiTextField
      label={translate(label)}
      value={value}
      variant="filled"
      size="small"
      margin="dense"
      helperText={translate('app.helper.derived_from_cpr')}
      slotProps={{ htmlInput: { readOnly: true }, inputLabel: { shrink: true } }}
      sx={{ width: '100%' }}
    />
  );
};

/** Birth year and sex: derived when there is a CPR number, entered only for an anonymous citizen. */
const BirthYearAndSex = () => {
  const translate = useTranslate();
  const cpr = useWatch({ name: 'cpr' }) as unknown;
  const hasCpr = typeof cpr === 'string' && cpr.trim() !== '';
  const { info } = cprFeedback(cpr);
  if (info) {
    return (
      <Row>
        <Derived label="resources.citizens.fields.birthYear" value={info.birthYear} />
        <Derived label="resources.citizens.fields.sex" value={translate(`resources.citizens.sexes.${info.sex}`)} />
      </Row>
    );
  }
  if (hasCpr) return null;
  return (
    <Row>
      <NumberInput source="birthYear" step={1} validate={[minValue(1900), maxValue(new Date().getFullYear())]} helperText="app.helper.anonymous_birth_year" />
      <SelectInput source="sex" choices={sexChoices} emptyText="app.helper.not_stated" />
    </Row>
  );
};

/** The fields of a citizen, for create and edit. */
export const CitizenInputs = () => (
  <>
    <Row>
      <CprInput />
      <span />
    </Row>
    <BirthYearAndSex />
    <Row>
      <TextInput source="firstName" autoComplete="off" validate={[required(), maxLength(100)]} />
      <TextInput source="lastName" autoComplete="off" validate={[required(), maxLength(100)]} />
    </Row>
    <Section title="resources.citizens.sections.contact" />
    <Row>
      <TextInput source="phone" type="tel" autoComplete="off" validate={maxLength(30)} />
      <TextInput source="email" autoComplete="off" validate={[email(), maxLength(254)]} />
    </Row>
    <Row>
      <TextInput source="address" autoComplete="off" validate={maxLength(300)} />
      <SelectInput source="preferredLanguage" choices={languageChoices} emptyText="app.helper.not_stated" />
    </Row>
  </>
);
