export * from './lib/programme-protocol';
export * from './lib/cpr';
export * from './lib/name-tokens';
export * from './lib/enrolment-state';
export * from './lib/eligibility';
export * from './lib/course-schedule';
export * from './lib/asi';
export * from './lib/follow-up-schedule';
