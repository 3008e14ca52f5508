import type { Enrolment } from '@outcomes/contracts';
import { ReferenceField, TextField, useRecordContext } from 'react-admin';

/** An enrolment as a choice: "Jens Hansen · MOVE". */
export const EnrolmentOption = () => {
  const enrolment = useRecordContext<Enrolment>();
  if (!enrolment) return null;
  return (
    <span>
      <ReferenceField source="citizenId" reference="citizens" link={false} />
      {' · '}
      <ReferenceField source="programmeId" reference="programmes" link={false}>
        <TextField source="code" />
      </ReferenceField>
    </span>
  );
};
