import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national programme catalogue is reference data every installation needs (production too),
 * so it ships as a migration, not as demo data. Fixed ids let seeds and tests refer to them.
 * Protocol figures follow docs/domain.md and the source documents it lists; where the sources give
 * no figure (e.g. MOVE session length), the field is left empty for the municipality to set.
 */
const CATALOGUE = [
  {
    id: '00000000-0000-4000-8000-000000000101',
    code: 'SMART',
    name: 'SMART Recovery selvhjælpsgrupper',
    description: 'Åbne selvhjælpsgrupper ledet af frivillige, der er uddannet i SMART-metoden; drives af en frivillig organisation sammen med kommunen og en lønnet lokal koordinator.',
    format: 'open-group',
    expectedSessions: null,
    sessionMinutes: 90,
    courseWeeks: null,
    followUpMonths: [],
    minAge: 18,
    maxAge: null,
    targetGroup: 'Voksne, der har afsluttet stofmisbrugsbehandling og er stoffri eller i stabil substitutionsbehandling (metadon/buprenorphin) uden andet illegalt stofbrug.',
  },
  {
    id: '00000000-0000-4000-8000-000000000102',
    code: 'HCS',
    name: 'HCS – gruppebehandling ved misbrug af hash og centralstimulerende stoffer',
    description: 'Lukket, manualbaseret gruppeforløb med 16 ugentlige møder à 2-3 timer (løsningsfokuseret LØFT-metode); ASI ved indskrivning og opfølgning.',
    format: 'closed-group',
    expectedSessions: 16,
    sessionMinutes: 150,
    courseWeeks: 16,
    followUpMonths: [3, 6],
    minAge: 18,
    maxAge: null,
    targetGroup: 'Borgere over 18 år med forbrug af hash og/eller centralstimulerende stoffer, som ønsker at reducere eller stoppe; ofte i arbejde eller uddannelse.',
  },
  {
    id: '00000000-0000-4000-8000-000000000103',
    code: 'OUTREACH',
    name: 'Udgående og rummelig stofmisbrugsbehandling',
    description: 'To udgående medarbejdere pr. kommune møder borgeren, hvor borgeren er (gadeplan, herberger, samarbejdspartnere), og gør behandlingscentrets tilbud mere fleksible.',
    format: 'outreach',
    expectedSessions: null,
    sessionMinutes: null,
    courseWeeks: null,
    followUpMonths: [],
    minAge: 18,
    maxAge: null,
    targetGroup: 'De mest udsatte borgere med intensivt forbrug, komplekse sociale og helbredsmæssige problemer, ofte hjemløse og med lidt eller ingen kontakt til behandling.',
  },
  {
    id: '00000000-0000-4000-8000-000000000104',
    code: 'MOVE',
    name: 'MOVE – struktureret ambulant behandling for unge',
    description: '12 strukturerede individuelle samtaler efterfulgt af en opfølgningsperiode på 6 måneder.',
    format: 'individual',
    expectedSessions: 12,
    sessionMinutes: null,
    courseWeeks: null,
    followUpMonths: [6],
    minAge: 15,
    maxAge: 25,
    targetGroup: 'Unge 15-25 år i individuel ambulant stofmisbrugsbehandling.',
  },
  {
    id: '00000000-0000-4000-8000-000000000105',
    code: 'ICM',
    name: 'ICM – intensiv case management',
    description: 'En case manager hjælper borgeren med at navigere i eksisterende tilbud; langvarigt forløb som supplement til behandlingen.',
    format: 'case-management',
    expectedSessions: null,
    sessionMinutes: null,
    courseWeeks: null,
    followUpMonths: [],
    minAge: 18,
    maxAge: null,
    targetGroup: 'Borgere, der over lang tid har brug for intensiv social og praktisk støtte og ikke kan bruge andre tilbud.',
  },
];

export class ProgrammeCatalogue1795610200000 implements MigrationInterface {
  name = 'ProgrammeCatalogue1795610200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const p of CATALOGUE) {
      await queryRunner.query(
        `INSERT INTO "programme" ("id", "code", "name", "description", "format", "expected_sessions",
           "session_minutes", "course_weeks", "follow_up_months", "follow_up_window_days", "min_age", "max_age", "target_group")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 30, $10, $11, $12)
         ON CONFLICT ("code") DO NOTHING`,
        [p.id, p.code, p.name, p.description, p.format, p.expectedSessions, p.sessionMinutes, p.courseWeeks,
          p.followUpMonths, p.minAge, p.maxAge, p.targetGroup],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "programme" WHERE "id" = ANY($1)`, [CATALOGUE.map((p) => p.id)]);
  }
}
