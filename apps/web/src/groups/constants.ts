/** The HCS programme (closed group course) of the seeds; courses are created for it. */
export const HCS_PROGRAMME_ID = '00000000-0000-4000-8000-000000000102';
