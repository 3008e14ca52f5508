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
    kind: 'outpatient',
  },
  {
    id: DEMO_IDS.centres.aarhusVest,
    municipalityId: DEMO_IDS.municipalities.aarhus,
    name: 'Rusmiddelcenter Aarhus, Vest',
    address: 'Demovej 2, 8210 Aarhus V',
    phone: null,
    email: null,
    kind: 'day',
  },
  {
    id: DEMO_IDS.centres.odenseSyd,
    municipalityId: DEMO_IDS.municipalities.odense,
    name: 'Misbrugscenter Odense Syd',
    address: 'Demogade 3, 5000 Odense C',
    phone: '+45 00 00 00 03',
    email: 'syd@demo.invalid',
    kind: 'outpatient',
  },
];

/** The national register's demo providers (fictitious names, addresses and CVR numbers with a valid check). */
const PROVIDERS = [
  { id: DEMO_IDS.providers.outpatient, name: 'Demo Ambulant Rusmiddelbehandling ApS', cvr: '12345674', address: 'Demostræde 10, 8000 Aarhus C', municipalityCode: '751', kind: 'outpatient', approvedBy: 'Socialtilsyn Midt', approvalReference: 'ST-MIDT-2024-0117', approvedFrom: '2024-01-01', approvedUntil: null },
  { id: DEMO_IDS.providers.day, name: 'Demo Dagbehandling Fyn', cvr: '23456788', address: 'Demoallé 4, 5000 Odense C', municipalityCode: '461', kind: 'day', approvedBy: 'Socialtilsyn Syd', approvalReference: 'ST-SYD-2023-0442', approvedFrom: '2023-06-01', approvedUntil: null },
  { id: DEMO_IDS.providers.residential, name: 'Demo Døgnbehandling Kysten', cvr: '34567891', address: 'Demovej 99, 8400 Ebeltoft', municipalityCode: '706', kind: 'residential', approvedBy: 'Socialtilsyn Midt', approvalReference: 'ST-MIDT-2022-0903', approvedFrom: '2022-09-01', approvedUntil: null },
  { id: DEMO_IDS.providers.lapsed, name: 'Demo Behandlingshus (godkendelse udløbet)', cvr: '45678911', address: 'Demogade 7, 7100 Vejle', municipalityCode: '630', kind: 'outpatient', approvedBy: 'Socialtilsyn Syd', approvalReference: 'ST-SYD-2021-0051', approvedFrom: '2021-03-01', approvedUntil: '2025-06-30' },
];

const DISPLAY_NAMES: Record<(typeof DEMO_ROLES)[number], string> = {
  staff: 'Behandler',
  coordinator: 'Koordinator',
  evaluator: 'Evaluator',
  admin: 'Administrator',
};

/**
 * Demo data: two municipalities, their centres (fictitious addresses, `.invalid` e-mail domain), the
 * national register's demo treatment providers and
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
      `INSERT INTO centre (id, municipality_id, name, address, phone, email, kind) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING`,
      [c.id, c.municipalityId, c.name, c.address, c.phone, c.email, c.kind],
    );
  }
  for (const p of PROVIDERS) {
    await run(
      `INSERT INTO treatment_provider (id, name, cvr, address, municipality_code, kind, approved_by, approval_reference, approved_from, approved_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [p.id, p.name, p.cvr, p.address, p.municipalityCode, p.kind, p.approvedBy, p.approvalReference, p.approvedFrom, p.approvedUntil],
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
  return MUNICIPALITIES.length + CENTRES.length + PROVIDERS.length + users + work;
}
