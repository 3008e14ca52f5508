import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  RecordContextProvider,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import type { Identity } from '../auth/auth-provider';

interface FixedProps {
  label: string;
  source: string;
  reference: string;
  link?: false | 'show';
}

/** A fixed part of the enrolment (the citizen, the programme), shown rather than asked; from the record. */
export const Fixed = ({ label, source, reference, link = false }: FixedProps) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body1" component="div">
        <ReferenceField source={source} reference={reference} link={link} />
      </Typography>
    </Box>
  );
};

/** The same, from the form's value (a create form has no record yet). */
export const FixedFromForm = (props: FixedProps) => {
  const value = useWatch({ name: props.source }) as unknown;
  return (
    <RecordContextProvider value={{ id: String(value), [props.source]: value }}>
      <Fixed {...props} />
    </RecordContextProvider>
  );
};

/** A centre of the user's own municipality (the only ones the API accepts). */
export const CentreInput = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  if (!identity) return null;
  return (
    <ReferenceInput
      source="centreId"
      reference="centres"
      filter={{ municipalityId: identity.municipalityId, active: true }}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
  );
};

export const ReferralSourceInput = () => (
  <TextInput source="referralSource" helperText="resources.enrolments.referral_source_hint" validate={[]} />
);
