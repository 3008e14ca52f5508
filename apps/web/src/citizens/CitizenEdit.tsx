import { useState } from 'react';
import { Edit, SimpleForm } from 'react-admin';
import { useNotifyError } from '../common/http-errors';
import { toCitizenBody } from './citizen-body';
import { CitizenInputs } from './CitizenInputs';
import type { Duplicate } from './DuplicateAlert';
import { DuplicateAlert, duplicateHandling } from './DuplicateAlert';

export const CitizenEdit = () => {
  const [duplicate, setDuplicate] = useState<Duplicate>();
  const notifyError = useNotifyError();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      transform={toCitizenBody}
      mutationOptions={duplicateHandling(setDuplicate, notifyError)}
    >
      <SimpleForm sx={{ maxWidth: 800 }}>
        <DuplicateAlert duplicate={duplicate} />
        <CitizenInputs />
      </SimpleForm>
    </Edit>
  );
};
