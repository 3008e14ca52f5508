import { DEMO_IDS } from '../demo/demo-ids';
import { syntheticId } from './ids';
import type { Scale } from './scales';

export interface SyntheticMunicipality {
  /** Position in MUNICIPALITIES: part of every generated id of the municipality. */
  number: number;
  code: string;
  name: string;
  /** Relative size (roughly thousands of inhabitants): shares out the citizens. */
  weight: number;
  /** A demo municipality keeps its fixed id and demo accounts. */
  demo?: 'aarhus' | 'odense';
}

/** Real municipality codes and names; the people, centres and figures in them are invented. */
export const MUNICIPALITIES: readonly SyntheticMunicipality[] = [
  ['751', 'Aarhus', 360, 'aarhus'],
  ['461', 'Odense', 205, 'odense'],
  ['630', 'Vejle', 120],
  ['101', 'København', 650],
  ['851', 'Aalborg', 220],
  ['561', 'Esbjerg', 115],
  ['147', 'Frederiksberg', 105],
  ['730', 'Randers', 100],
  ['791', 'Viborg', 97],
  ['740', 'Silkeborg', 95],
  ['621', 'Kolding', 95],
  ['615', 'Horsens', 95],
  ['657', 'Herning', 90],
  ['265', 'Roskilde', 90],
  ['370', 'Næstved', 83],
  ['330', 'Slagelse', 80],
  ['157', 'Gentofte', 75],
  ['540', 'Sønderborg', 74],
  ['316', 'Holbæk', 72],
  ['159', 'Gladsaxe', 70],
  ['860', 'Hjørring', 64],
  ['217', 'Helsingør', 63],
  ['376', 'Guldborgsund', 60],
  ['746', 'Skanderborg', 62],
  ['259', 'Køge', 62],
  ['813', 'Frederikshavn', 59],
  ['510', 'Haderslev', 56],
  ['661', 'Holstebro', 59],
  ['479', 'Svendborg', 59],
  ['219', 'Hillerød', 52],
  ['607', 'Fredericia', 52],
  ['400', 'Bornholm', 39],
  ['360', 'Lolland', 40],
].map(([code, name, weight, demo], number) => ({
  number,
  code: code as string,
  name: name as string,
  weight: weight as number,
  ...(demo ? { demo: demo as 'aarhus' | 'odense' } : {}),
}));

export interface SyntheticCentre {
  id: string;
  municipalityNumber: number;
  name: string;
  address: string;
}

export interface SyntheticUser {
  id: string;
  municipalityNumber: number;
  email: string;
  displayName: string;
  role: 'staff' | 'coordinator';
  /** Demo accounts exist already (seeded by the API); they are used, never inserted. */
  existing: boolean;
}

/** Reference ids do not depend on the seed, so reference data is shared by every load (ON CONFLICT DO NOTHING). */
const REFERENCE_SEED = 0;

export function municipalitiesOf(scale: Scale): SyntheticMunicipality[] {
  return scale.municipalityCodes === 'all' ? [...MUNICIPALITIES] : MUNICIPALITIES.filter((m) => scale.municipalityCodes.includes(m.code));
}

/** The id of a municipality: the demo's fixed ids for Aarhus and Odense. */
export function municipalityId(m: SyntheticMunicipality): string {
  return m.demo ? DEMO_IDS.municipalities[m.demo] : syntheticId(REFERENCE_SEED, 'municipality', m.number, 0);
}

/** Centres: the demo's for Aarhus and Odense, one (two in the largest municipalities) elsewhere. */
export function centresOf(m: SyntheticMunicipality): SyntheticCentre[] {
  if (m.demo === 'aarhus') {
    return [
      { id: DEMO_IDS.centres.aarhusCentrum, municipalityNumber: m.number, name: 'Rusmiddelcenter Aarhus, Centrum', address: 'Demovej 1, 8000 Aarhus C' },
      { id: DEMO_IDS.centres.aarhusVest, municipalityNumber: m.number, name: 'Rusmiddelcenter Aarhus, Vest', address: 'Demovej 2, 8210 Aarhus V' },
    ];
  }
  if (m.demo === 'odense') {
    return [{ id: DEMO_IDS.centres.odenseSyd, municipalityNumber: m.number, name: 'Misbrugscenter Odense Syd', address: 'Demogade 3, 5000 Odense C' }];
  }
  const count = m.weight >= 200 ? 2 : 1;
  return Array.from({ length: count }, (_, i) => ({
    id: syntheticId(REFERENCE_SEED, 'centre', m.number, i),
    municipalityNumber: m.number,
    name: `Rusmiddelcenter ${m.name}${count > 1 ? ` ${i + 1}` : ''} (syntetisk)`,
    address: `Syntetisk vej ${i + 1}, ${m.name}`,
  }));
}

/** One treatment staff member per 60 citizens (at least two) and a coordinator, the demo accounts first. */
export function usersOf(m: SyntheticMunicipality, citizens: number): SyntheticUser[] {
  const slug = m.name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z]/g, '');
  const staffCount = Math.max(2, Math.ceil(citizens / 60));
  const users: SyntheticUser[] = [];
  for (let i = 0; i < staffCount; i++) {
    if (i === 0 && m.demo) {
      users.push({ id: DEMO_IDS.users[m.demo].staff, municipalityNumber: m.number, email: `staff@${m.demo}.demo`, displayName: 'Behandler', role: 'staff', existing: true });
    } else {
      users.push({
        id: syntheticId(REFERENCE_SEED, 'user', m.number, i),
        municipalityNumber: m.number,
        email: `behandler${i}@${slug}.synthetic.invalid`,
        displayName: `Behandler ${i} (${m.name}, syntetisk)`,
        role: 'staff',
        existing: false,
      });
    }
  }
  users.push(
    m.demo
      ? { id: DEMO_IDS.users[m.demo].coordinator, municipalityNumber: m.number, email: `coordinator@${m.demo}.demo`, displayName: 'Koordinator', role: 'coordinator', existing: true }
      : {
          id: syntheticId(REFERENCE_SEED, 'user', m.number, 9_999),
          municipalityNumber: m.number,
          email: `koordinator@${slug}.synthetic.invalid`,
          displayName: `Koordinator (${m.name}, syntetisk)`,
          role: 'coordinator',
          existing: false,
        },
  );
  return users;
}

/** Shares `total` out by weight (largest remainders), so the counts add up exactly. */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
