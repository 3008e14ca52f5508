import type { IdentifierEncryptor } from '../synthetic/copy-encoder';
import { DEMO_IDS, DEMO_PASSWORD, DEMO_ROLES, demoEmail } from './demo-ids';
import { seedDemoWork } from './demo-work';

/** Runs one SQL statement; the caller decides which connection and transaction. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<unknown>;

const MUNICIPALITIES = [
  { id: DEMO_IDS.municipalities.aarhus, code: '751', name: 'Aarhus' },
  { id: DEMO_IDS.municipalities.odense, code: '461', name: 'Odense' },
];

const CENTRES = [
  {
    id: DEMO_IDS.centres.aarhusCentrum,
    municipalityId: DEMO_IDS.municipalities.aarhus,
    name: 'Rusmiddelcenter Aarhus, Centrum',
    address: 'Demovej 1, 8000 Aarhus C',
    phone: '+45 00 00 00 01',
    email: 'centrum@demo.invalid',
  },
  {
    id: DEMO_IDS.centres.aarhusVest,
    municipalityId: DEMO_IDS.municipalities.aarhus,
    name: 'Rusmiddelcenter Aarhus, Vest',
    address: 'Demovej 2, 8210 Aarhus V',
    phone: null,
    email: null,
  },
  {
    id: DEMO_IDS.centres.odenseSyd,
    municipalityId: DEMO_IDS.municipalities.odense,
    name: 'Misbrugscenter Odense Syd',
    address: 'Demogade 3, 5000 Odense C',
    phone: '+45 00 00 00 03',
    email: 'syd@demo.invalid',
  },
];

const DISPLAY_NAMES: Record<(typeof DEMO_ROLES)[number], string> = {
  staff: 'Behandler',
  coordinator: 'Koordinator',
  evaluator: 'Evaluator',
  admin: 'Administrator',
};

/**
 * Demo data: two municipalities, their centres (fictitious addresses, `.invalid` e-mail domain) and
 * one user per role in each, all with DEMO_PASSWORD; with the API's `crypto`, also the coordinator's
 * work (see demo-work.ts: organisations, volunteers and trainings, SMART groups, an HCS course), dated
 * from the Danish today. Safe to run twice: fixed ids and ON CONFLICT DO NOTHING. Returns the number
 * of rows offered.
 */
export async function seedDemo(run: SqlRunner, hashPassword: (password: string) => Promise<string>, crypto?: IdentifierEncryptor): Promise<number> {
  for (const m of MUNICIPALITIES) {
    await run(
      `INSERT INTO municipality (id, code, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [m.id, m.code, m.name],
    );
  }
  for (const c of CENTRES) {
    await run(
      `INSERT INTO centre (id, municipality_id, name, address, phone, email) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [c.id, c.municipalityId, c.name, c.address, c.phone, c.email],
    );
  }
  let users = 0;
  for (const municipality of ['odense', 'aarhus'] as const) {
    for (const role of DEMO_ROLES) {
      await run(
        `INSERT INTO app_user (id, municipality_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [DEMO_IDS.users[municipality][role], DEMO_IDS.municipalities[municipality], demoEmail(role, municipality),
          `${DISPLAY_NAMES[role]} (${municipality === 'odense' ? 'Odense' : 'Aarhus'})`, role, await hashPassword(DEMO_PASSWORD)],
      );
      users++;
    }
  }
  const work = crypto ? await seedDemoWork(run, crypto) : 0;
  return MUNICIPALITIES.length + CENTRES.length + users + work;
}
