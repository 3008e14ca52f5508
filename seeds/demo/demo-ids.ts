import { NATIONAL_PROGRAMME_IDS } from '@outcomes/contracts';

/** Fixed ids of the demo data, for tests and documentation to refer to. */
export const DEMO_IDS = {
  municipalities: {
    aarhus: '00000000-0000-4000-8000-000000000751',
    odense: '00000000-0000-4000-8000-000000000461',
  },
  centres: {
    aarhusCentrum: '00000000-0000-4000-8000-000000007511',
    aarhusVest: '00000000-0000-4000-8000-000000007512',
    odenseSyd: '00000000-0000-4000-8000-000000004611',
  },
  users: {
    odense: {
      staff: '00000000-0000-4000-8000-000000046101',
      coordinator: '00000000-0000-4000-8000-000000046102',
      evaluator: '00000000-0000-4000-8000-000000046103',
      admin: '00000000-0000-4000-8000-000000046104',
    },
    aarhus: {
      staff: '00000000-0000-4000-8000-000000075101',
      coordinator: '00000000-0000-4000-8000-000000075102',
      evaluator: '00000000-0000-4000-8000-000000075103',
      admin: '00000000-0000-4000-8000-000000075104',
    },
  },
  /**
   * The national register of approved private treatment providers (fictitious): three approved, one
   * of each kind, and one whose approval lapsed (a referral to it is refused).
   */
  providers: {
    outpatient: '00000000-0000-4000-8009-000000000001',
    day: '00000000-0000-4000-8009-000000000002',
    residential: '00000000-0000-4000-8009-000000000003',
    lapsed: '00000000-0000-4000-8009-000000000004',
  },
  /** The national programme catalogue, inserted by a migration. */
  programmes: NATIONAL_PROGRAMME_IDS,
  /** Voluntary organisations: one per municipality and one working with both. */
  organisations: {
    odense: '00000000-0000-4000-8001-000000000461',
    aarhus: '00000000-0000-4000-8001-000000000751',
    shared: '00000000-0000-4000-8001-000000000001',
  },
  /**
   * Six volunteers per municipality, named by what their trainings show the coordinator (relative to
   * the day the demo was seeded): `dueSoon` and `dueLater` renew within the 60-day warning, `lapsed`
   * renewed ten days ago and did not, `trained` is current, `untrained` has none, `paused` is paused.
   */
  volunteers: {
    odense: {
      dueSoon: '00000000-0000-4000-8002-000000046101',
      dueLater: '00000000-0000-4000-8002-000000046102',
      lapsed: '00000000-0000-4000-8002-000000046103',
      trained: '00000000-0000-4000-8002-000000046104',
      untrained: '00000000-0000-4000-8002-000000046105',
      paused: '00000000-0000-4000-8002-000000046106',
    },
    aarhus: {
      dueSoon: '00000000-0000-4000-8002-000000075101',
      dueLater: '00000000-0000-4000-8002-000000075102',
      lapsed: '00000000-0000-4000-8002-000000075103',
      trained: '00000000-0000-4000-8002-000000075104',
      untrained: '00000000-0000-4000-8002-000000075105',
      paused: '00000000-0000-4000-8002-000000075106',
    },
  },
  /**
   * Per municipality: two SMART Recovery groups with logged weekly meetings and facilitators
   * (`smartTuesday`: its latest week not yet logged; `smartThursday`: one lapsed facilitator, so the
   * dashboard flags it) and an HCS course that started five weeks before the seeding day.
   */
  groups: {
    odense: {
      smartTuesday: '00000000-0000-4000-8003-000000046101',
      smartThursday: '00000000-0000-4000-8003-000000046102',
      hcsCourse: '00000000-0000-4000-8003-000000046103',
    },
    aarhus: {
      smartTuesday: '00000000-0000-4000-8003-000000075101',
      smartThursday: '00000000-0000-4000-8003-000000075102',
      hcsCourse: '00000000-0000-4000-8003-000000075103',
    },
  },
} as const;

/** Every demo account signs in with this password (demo mode only; written in the README). */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ROLES = ['staff', 'coordinator', 'evaluator', 'admin'] as const;

/** `staff@odense.demo` and so on. */
export function demoEmail(role: (typeof DEMO_ROLES)[number], municipality: 'odense' | 'aarhus'): string {
  return `${role}@${municipality}.demo`;
}
