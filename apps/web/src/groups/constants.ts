import { NATIONAL_PROGRAMME_IDS } from '@outcomes/contracts';

/** The HCS programme (closed group course) of the national catalogue; staff create courses for it. */
export const HCS_PROGRAMME_ID = NATIONAL_PROGRAMME_IDS.hcs;

/** The SMART Recovery programme (open group) of the national catalogue; coordinators create standing groups for it. */
export const SMART_PROGRAMME_ID = NATIONAL_PROGRAMME_IDS.smart;
