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
  /** The national programme catalogue, inserted by a migration. */
  programmes: {
    smart: '00000000-0000-4000-8000-000000000101',
    hcs: '00000000-0000-4000-8000-000000000102',
    outreach: '00000000-0000-4000-8000-000000000103',
    move: '00000000-0000-4000-8000-000000000104',
    icm: '00000000-0000-4000-8000-000000000105',
  },
} as const;

/** Every demo account signs in with this password (demo mode only; written in the README). */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_ROLES = ['staff', 'coordinator', 'evaluator', 'admin'] as const;

/** `staff@odense.demo` and so on. */
export function demoEmail(role: (typeof DEMO_ROLES)[number], municipality: 'odense' | 'aarhus'): string {
  return `${role}@${municipality}.demo`;
}
