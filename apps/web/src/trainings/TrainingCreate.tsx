import type { RaRecord } from 'react-admin';
import { Create, SimpleForm, useRecordFromLocation, useTranslate } from 'react-admin';
import { todayLocal } from '../common/dates';
import { toTrainingCreateBody, validateTraining } from './training-body';
import { TrainingInputs } from './TrainingInputs';

/** Back to the volunteer's page, where the training and the "trained" flag now show. */
export const toVolunteerPage = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>): string =>
  typeof data?.['volunteerId'] === 'string' ? `/volunteers/${data['volunteerId']}/show` : '/trainings';

/** Most trainings recorded are the SMART method's facilitator training, so the form starts with it. */
const Form = () => {
  const translate = useTranslate();
  const fixed = Boolean((useRecordFromLocation() as { volunteerId?: unknown } | undefined)?.volunteerId);
  return (
    <SimpleForm defaultValues={{ kind: 'smart-facilitator', title: translate('app.trainings.default_title'), completedOn: todayLocal() }} validate={validateTraining} sx={{ maxWidth: 800 }}>
      <TrainingInputs volunteerFixed={fixed} />
    </SimpleForm>
  );
};

export const TrainingCreate = () => (
  <Create redirect={toVolunteerPage} transform={toTrainingCreateBody}>
    <Form />
  </Create>
);
