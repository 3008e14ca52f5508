import type { TreatmentSession } from '@outcomes/contracts';
import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { toSessionUpdateBody } from './session-body';
import { SessionInputs } from './SessionInputs';
import { toCitizenPage } from './SessionCreate';
import { SessionTitle } from './SessionTitle';

const SessionToolbar = () => {
  const session = useRecordContext<TreatmentSession>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton mutationMode="pessimistic" redirect={toCitizenPage('sessions', session?.id, session)} />
    </Toolbar>
  );
};

export const SessionEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toCitizenPage} transform={toSessionUpdateBody} title={<SessionTitle />}>
    <SimpleForm sx={{ maxWidth: 800 }} toolbar={<SessionToolbar />}>
      <SessionInputs mode="edit" enrolmentFixed />
    </SimpleForm>
  </Edit>
);
