import { Box, Typography } from '@mui/material';
import { PROGRAMME_FORMATS } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { formatFollowUpMonths, parseFollowUpMonths, validateFollowUpMonths } from './follow-up-months';
import { DANISH_TEXT } from '../common/danish-text';

export const formatChoices = PROGRAMME_FORMATS.map((id) => ({ id, name: `resources.programmes.formats.${id}` }));

const wholeNumber = (value: unknown): string | undefined =>
  typeof value === 'number' && !Number.isInteger(value) ? 'app.validation.whole_number' : undefined;

const count = [wholeNumber, minValue(1), maxValue(1000)];
const age = [wholeNumber, minValue(0), maxValue(120)];

// react-admin inputs take the full width of their container; a grid puts several on one line.
const QUARTERS = 'repeat(4, minmax(0, 1fr))';
const Row = ({ columns = QUARTERS, children }: { columns?: string; children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: columns }, columnGap: 2, width: '100%' }}>
    {children}
  </Box>
);
const spanTwo = { gridColumn: { md: 'span 2' } };

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};

export const ProgrammeInputs = () => (
  <>
    <Row columns="minmax(0, 1fr) minmax(0, 3fr)">
      <TextInput source="code" validate={[required(), maxLength(32)]} />
      <TextInput source="name" validate={[required(), maxLength(200)]} />
    </Row>
    <TextInput source="description" multiline minRows={2} validate={maxLength(4000)} slotProps={DANISH_TEXT} />
    <Section title="resources.programmes.sections.protocol" />
    <Row>
      <SelectInput source="format" choices={formatChoices} validate={required()} />
      <NumberInput source="expectedSessions" validate={count} step={1} />
      <NumberInput source="sessionMinutes" validate={count} step={5} />
      <NumberInput source="courseWeeks" validate={count} step={1} />
    </Row>
    <Row>
      <TextInput
        source="followUpMonths"
        format={formatFollowUpMonths}
        parse={parseFollowUpMonths}
        validate={validateFollowUpMonths}
        helperText="app.helper.follow_up_months"
        sx={spanTwo}
      />
      <NumberInput
        source="followUpWindowDays"
        validate={[required(), wholeNumber, minValue(0), maxValue(365)]}
        step={1}
        helperText="app.helper.follow_up_window_days"
        sx={spanTwo}
      />
    </Row>
    <Section title="resources.programmes.sections.eligibility" />
    <Row>
      <NumberInput source="minAge" validate={age} step={1} />
      <NumberInput source="maxAge" validate={age} step={1} />
    </Row>
    <TextInput source="targetGroup" multiline minRows={2} validate={maxLength(2000)} slotProps={DANISH_TEXT} />
    <BooleanInput source="active" />
  </>
);
