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
  /** The national programme catalogue, inserted by a migration. */
  programmes: {
    smart: '00000000-0000-4000-8000-000000000101',
    hcs: '00000000-0000-4000-8000-000000000102',
    outreach: '00000000-0000-4000-8000-000000000103',
    move: '00000000-0000-4000-8000-000000000104',
    icm: '00000000-0000-4000-8000-000000000105',
  },
} as const;
