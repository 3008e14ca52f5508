import type { Rng } from './random';

const MALE = ['Mads', 'Mikkel', 'Frederik', 'Emil', 'Oliver', 'Lucas', 'Mathias', 'Jonas', 'Christian', 'Rasmus', 'Søren', 'Anders', 'Jesper', 'Thomas', 'Martin', 'Kasper', 'Nikolaj', 'Magnus', 'Alexander', 'Tobias', 'Jens', 'Lars', 'Henrik', 'Morten', 'Ahmed', 'Ali', 'Mohammad', 'Jakob', 'Simon', 'Peter'];
const FEMALE = ['Sofie', 'Emma', 'Ida', 'Freja', 'Clara', 'Laura', 'Anna', 'Cecilie', 'Mathilde', 'Julie', 'Camilla', 'Louise', 'Maria', 'Mette', 'Kirsten', 'Hanne', 'Susanne', 'Line', 'Marie', 'Caroline', 'Amalie', 'Fatima', 'Sara', 'Signe', 'Karoline', 'Nanna', 'Maja', 'Josefine', 'Astrid', 'Birgitte'];
const LAST = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund', 'Schmidt', 'Eriksen', 'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Østergaard', 'Aagaard', 'Dahl', 'Yilmaz', 'Hussein'];
const STREETS = ['Vestergade', 'Østergade', 'Nørregade', 'Søndergade', 'Algade', 'Skolevej', 'Kirkevej', 'Stationsvej', 'Møllevej', 'Engvej', 'Parkvej', 'Skovvej'];

export interface Person {
  firstName: string;
  lastName: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  address: string | null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A person born `age` whole years before `onDate` (plus some days), with a Danish-looking name. */
export function makePerson(rng: Rng, onDate: string, age: number): Person {
  const sex = rng.chance(0.7) ? 'male' : 'female'; // most people in drug treatment are men
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(y - age, m - 1, d - rng.int(1, 364)));
  const lastName = rng.chance(0.12) ? `${rng.pick(LAST)}-${rng.pick(LAST)}` : rng.pick(LAST);
  return {
    firstName: rng.pick(sex === 'male' ? MALE : FEMALE),
    lastName,
    sex,
    birthDate: birth.toISOString().slice(0, 10),
    // Numbers in the 00 00 xx xx range are not in use; addresses are invented.
    phone: rng.chance(0.7) ? `+45 00 ${pad(rng.int(0, 99))} ${pad(rng.int(0, 99))} ${pad(rng.int(0, 99))}` : null,
    address: rng.chance(0.6) ? `${rng.pick(STREETS)} ${rng.int(1, 120)}` : null,
  };
}

/**
 * A CPR number (10 digits) for the birth date and sex: the 7th digit gives the right century per
 * the CPR office's table, the last digit is odd for men; a replacement number adds 60 to the day.
 * Uniqueness within a municipality is the caller's (the database refuses duplicates).
 */
export function makeCpr(rng: Rng, birthDate: string, sex: 'male' | 'female', replacement: boolean): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  // Numbers issued before October 2007 all pass the modulus-11 check; later ones need not.
  const modulus11 = birthDate < '2007-10-01';
  for (;;) {
    // 0-3: the 1900s for every YY; 4-9 (4 and 9 up to 36, 5-8 up to 57): the 2000s.
    const centuryDigit = y >= 2000 ? rng.pick([4, 5, 6, 7, 8, 9]) : rng.int(0, 3);
    const first9 = `${pad(d + (replacement ? 60 : 0))}${pad(m)}${pad(y % 100)}${centuryDigit}${pad(rng.int(0, 99))}`;
    const last = modulus11 ? checkDigit(first9) : sex === 'male' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]);
    if (last === null || last % 2 !== (sex === 'male' ? 1 : 0)) continue;
    return `${first9}${last}`;
  }
}

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The last digit that makes the weighted sum divisible by 11; null when none does (10). */
function checkDigit(first9: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first9[i]), 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? null : digit;
}
