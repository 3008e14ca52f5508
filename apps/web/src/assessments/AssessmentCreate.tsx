import type { Timepoint } from '@outcomes/contracts';
import type { RaRecord } from 'react-admin';
import { Create, SimpleForm, useRecordFromLocation } from 'react-admin';
import { todayLocal } from '../common/dates';
import { toCreateBody, toFormItems } from './assessment-form';
import { AssessmentInputs } from './AssessmentInputs';

/** Back to the citizen's page, where the new scores show on the chart. */
export const toCitizenPage = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>): string =>
  typeof data?.['citizenId'] === 'string' ? `/citizens/${data['citizenId']}/show` : '/';

const Form = () => {
  // Opened from an enrolment or the worklist (enrolment and timepoint set) or from a citizen's page.
  const preset = (useRecordFromLocation() ?? {}) as { enrolmentId?: string; citizenId?: string; timepoint?: Timepoint };
  return (
    // Checked as typed: a bad item shows its rule before saving, not after.
    <SimpleForm mode="onChange" defaultValues={{ timepoint: 'intake', date: todayLocal(), items: toFormItems({}) }}>
      <AssessmentInputs mode="create" enrolmentFixed={Boolean(preset.enrolmentId)} citizenId={preset.citizenId} />
    </SimpleForm>
  );
};

/**
 * A new ASI interview on an enrolment; the API scores it with the same function as the preview. No
 * card around the form: a card clips its content, and the preview must stay in view while scrolling.
 */
export const AssessmentCreate = () => (
  <Create component="div" redirect={toCitizenPage} transform={toCreateBody}>
    <Form />
  </Create>
);
