import { Box } from '@mui/material';
import { TREATMENT_KINDS, validCvr } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { maxLength, regex, required, SelectInput, TextInput } from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';

/** A select's empty choice is '' (react-admin refuses a null emptyValue): stored as null, "not recorded". */
export const emptyToNull = (value: unknown): unknown => (value === '' ? null : value);

/** The kinds of treatment as choices (labels shared by centres, decisions and referrals). */
export const kindChoices = TREATMENT_KINDS.map((id) => ({ id, name: `resources.treatment-providers.kinds.${id}` }));

const cvrCheck = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{8}$/.test(value) && !validCvr(value) ? 'app.providers.cvr_check' : undefined);

/** The approval's last day is not before its first (the API says so too). An input's rule: react-hook-form takes a form's rule or its inputs', not both. */
const notBeforeFrom = (value: unknown, values: Record<string, unknown>): string | undefined => {
  const from = values['approvedFrom'];
  return typeof from === 'string' && typeof value === 'string' && value !== '' && value < from ? 'app.providers.until_before_from' : undefined;
};

const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, columnGap: 2, width: '100%' }}>{children}</Box>
);

export const ProviderInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <Row>
      <TextInput source="cvr" validate={[required(), regex(/^[1-9]\d{7}$/, 'app.providers.cvr_format'), cvrCheck]} slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }} />
      <SelectInput source="kind" choices={kindChoices} validate={required()} />
      <TextInput source="municipalityCode" validate={[required(), regex(/^\d{3}$/, 'app.providers.municipality_code_format')]} slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 3 } }} />
    </Row>
    <TextInput source="address" validate={[required(), maxLength(300)]} />
    <Row>
      <TextInput source="approvedBy" validate={[required(), maxLength(200)]} />
      <TextInput source="approvalReference" validate={maxLength(100)} />
    </Row>
    <Row>
      <DanishDateInput source="approvedFrom" validate={required()} />
      <DanishDateInput source="approvedUntil" helperText="app.providers.until_hint" validate={notBeforeFrom} />
    </Row>
  </>
);
