import { useState } from 'react';
import { Create, SimpleForm } from 'react-admin';
import { useNotifyError } from '../common/http-errors';
import { toCitizenBody } from './citizen-body';
import { CitizenInputs } from './CitizenInputs';
import type { Duplicate } from './DuplicateAlert';
import { DuplicateAlert, duplicateHandling } from './DuplicateAlert';
import { LikelyDuplicates } from './LikelyDuplicates';

const defaults = {
  cpr: '',
  firstName: '',
  lastName: '',
  birthYear: null,
  sex: null,
  phone: null,
  email: null,
  address: null,
  preferredLanguage: null,
};

/** Registers a citizen; a CPR number already registered offers that citizen instead, and without one the likely duplicates are offered. */
export const CitizenCreate = () => {
  const [duplicate, setDuplicate] = useState<Duplicate>();
  const notifyError = useNotifyError();
  return (
    <Create
      redirect="show"
      transform={toCitizenBody}
      mutationOptions={duplicateHandling(setDuplicate, notifyError)}
    >
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 800 }}>
        <DuplicateAlert duplicate={duplicate} />
        <CitizenInputs />
        <LikelyDuplicates />
      </SimpleForm>
    </Create>
  );
};
