/** The HCS programme (closed group course) of the seeds; staff create courses for it. */
export const HCS_PROGRAMME_ID = '00000000-0000-4000-8000-000000000102';

/** The SMART Recovery programme (open group) of the seeds; coordinators create standing groups for it. */
export const SMART_PROGRAMME_ID = '00000000-0000-4000-8000-000000000101';
