import { worded } from './import-refusals';

// The refusals an import cannot provoke on demand (imports.e2e-spec.ts provokes the others): the
// words are written here by hand.
describe('an import refusal’s words', () => {
  it('a save that raced the import: the service’s version conflict, without its version field', () => {
    expect(worded({ field: null, rule: 'Citizen was changed by someone else since you loaded it; reload it and make your change again', code: 'VERSION_CONFLICT' })).toEqual([
      { field: null, rule: 'the record was changed by someone else while the import ran; run a new dry run and import again', ruleDa: 'Posten blev ændret af en anden, mens indlæsningen kørte; lav en ny prøvekørsel, og indlæs igen' },
    ]);
  });

  it('a rule it does not know keeps its English in a Danish sentence naming the field, or the row', () => {
    expect(worded({ field: 'note', rule: 'note must be something new' })).toEqual([{ field: 'note', rule: 'note must be something new', ruleDa: 'Feltet note overholder ikke reglen: note must be something new' }]);
    expect(worded({ field: null, rule: 'refused', code: 'DUPLICATE' })).toEqual([{ field: null, rule: 'refused', ruleDa: 'Rækken blev afvist: refused' }]);
  });

  it('a key of the database it does not know: said as the database’s refusal', () => {
    expect(worded({ field: null, rule: 'the database refused the row (SQLSTATE 23505)', constraint: 'some_other_key' })).toEqual([
      { field: null, rule: 'the database refused the row (SQLSTATE 23505)', ruleDa: 'Databasen afviste rækken (SQLSTATE 23505)' },
    ]);
  });

  it('never repeats the impossible date of a CPR number (it is part of the number)', () => {
    const [error] = worded({ field: 'cpr', rule: 'cpr must begin with a real date of birth (32-13-1980 does not exist)' });
    expect(error).toEqual({ field: 'cpr', rule: 'cpr must begin with a real date of birth', ruleDa: 'CPR-nummeret skal begynde med en rigtig fødselsdato' });
  });
});
