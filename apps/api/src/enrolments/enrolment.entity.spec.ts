import { ENROLMENT_STATES } from '@outcomes/contracts';
import { OPEN_STATES } from '@outcomes/domain';
import { getMetadataArgsStorage } from 'typeorm';
import { EnrolmentEntity } from './enrolment.entity';

const statesIn = (sql: string | undefined): string[] => [...(sql ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as string);

describe('the enrolment table’s literals agree with the shared rules', () => {
  it('the one-open-enrolment index covers exactly OPEN_STATES', () => {
    const index = getMetadataArgsStorage().indices.find((i) => i.target === EnrolmentEntity && i.name === 'enrolment_one_open_per_programme');
    expect(statesIn(index?.where)).toEqual(['referred', 'active']);
    expect(statesIn(index?.where)).toEqual([...OPEN_STATES]);
  });

  it('the state check lists exactly ENROLMENT_STATES', () => {
    const check = getMetadataArgsStorage().checks.find((c) => c.target === EnrolmentEntity && c.name === 'enrolment_state_check');
    expect(statesIn(check?.expression)).toEqual([...ENROLMENT_STATES]);
  });
});
