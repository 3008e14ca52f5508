import type { ProgrammeInput } from '@outcomes/contracts';
import { Create, SimpleForm } from 'react-admin';
import { ProgrammeInputs } from './ProgrammeInputs';
import { validateProgramme } from './programme-validation';

// Every nullable field starts as null, so an untouched input sends null rather than nothing.
const defaults: ProgrammeInput = {
  code: '',
  name: '',
  description: null,
  format: 'individual',
  expectedSessions: null,
  sessionMinutes: null,
  courseWeeks: null,
  followUpMonths: [],
  followUpWindowDays: 30,
  minAge: null,
  maxAge: null,
  targetGroup: null,
  requiredAttestations: [],
  active: true,
};

export const ProgrammeCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={defaults} validate={validateProgramme}>
      <ProgrammeInputs />
    </SimpleForm>
  </Create>
);
