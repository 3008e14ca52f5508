import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANONYMOUS_COURSE_KIND, COURSE_KINDS, ENROLMENT_STATES } from '@outcomes/contracts';
import { OPEN_STATES } from '@outcomes/domain';
import { getMetadataArgsStorage } from 'typeorm';
import { CaseRequestEntity } from '../case-requests/case-request.entity';
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

  it('the course-kind checks of enrolment and case_request list exactly COURSE_KINDS, and the citizens’ query names the anonymous one', () => {
    const kindsIn = (sql: string | undefined): string[] => [...(sql ?? '').matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1] as string);
    expect(COURSE_KINDS).toEqual(['sel-101', 'sel-101a']);
    for (const [target, name] of [[EnrolmentEntity, 'enrolment_course_kind_check'], [CaseRequestEntity, 'case_request_course_kind_check']] as const) {
      const check = getMetadataArgsStorage().checks.find((c) => c.target === target && c.name === name);
      expect(kindsIn(check?.expression)).toEqual([...COURSE_KINDS]);
    }
    // citizens.queries.ts's hasAnonymousCourse writes the anonymous kind as a literal (read as text: it imports Nest).
    expect(readFileSync(join(__dirname, '../citizens/citizens.queries.ts'), 'utf8')).toContain(`course_kind = '${ANONYMOUS_COURSE_KIND}'`);
  });
});
