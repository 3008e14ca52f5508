import { Edit, SaveButton, SimpleForm, Toolbar, useCanAccess, useRecordContext } from 'react-admin';
import { MunicipalityInputs } from './MunicipalityInputs';

/** Save only where the user may change this municipality: the operator any, an admin their own. */
const MunicipalityToolbar = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'municipalities', action: 'edit', record });
  return canAccess ? (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  ) : null;
};

// Pessimistic: the API's field errors and version conflicts must reach the form before leaving it.
export const MunicipalityEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm toolbar={<MunicipalityToolbar />}>
      <MunicipalityInputs />
    </SimpleForm>
  </Edit>
);
