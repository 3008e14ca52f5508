import { Edit, SimpleForm } from 'react-admin';
import { toTrainingUpdateBody, validateTraining } from './training-body';
import { toVolunteerPage } from './TrainingCreate';
import { TrainingInputs } from './TrainingInputs';

export const TrainingEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toVolunteerPage} transform={toTrainingUpdateBody}>
    <SimpleForm validate={validateTraining} sx={{ maxWidth: 800 }}>
      <TrainingInputs volunteerFixed />
    </SimpleForm>
  </Edit>
);
