import { PERSONAL_DATA_RESOURCES } from '@outcomes/contracts';
import { hasLookupWords, lookupWhat, lookupWhy } from './lookup-words';

describe("the access report's look-ups in words", () => {
  it('says what by the action and the resource', () => {
    expect(lookupWhat('read', 'citizens')).toEqual({ da: 'Læst: dine stamdata', en: 'Read: your personal details' });
    expect(lookupWhat('export', 'register')).toEqual({ da: 'Udtrukket: indberetning til Stofmisbrugsdatabasen', en: 'Exported: reporting to the national register' });
    expect(lookupWhat('read', 'some-new-resource')).toEqual({ da: 'Læst: some-new-resource', en: 'Read: some-new-resource' });
  });

  it("says why by the resource's purpose, and a search's fields by name, free text as name or CPR number, never the text", () => {
    expect(lookupWhy('read', 'sessions', null)).toEqual({ da: 'Behandling: samtaler blev planlagt eller noteret', en: 'Treatment: sessions were planned or noted' });
    // As audit/search-criterion.ts writes it: the fields, each value as it was or as SearchedText.
    const byCpr = JSON.stringify({ fields: ['q', 'state'], values: { q: { words: 1, cpr: true, hashes: ['ab'] }, state: 'active' } });
    expect(lookupWhy('search', 'citizens', byCpr)).toEqual({ da: 'Sagsbehandling: din sag blev åbnet eller fundet (søgt på: CPR-nummer, state)', en: 'Casework: your case was opened or found (searched by: CPR number, state)' });
    const byName = JSON.stringify({ fields: ['q'], values: { q: { words: 2, cpr: false, hashes: ['ab', 'cd'] } } });
    expect(lookupWhy('search', 'citizens', byName).da).toBe('Sagsbehandling: din sag blev åbnet eller fundet (søgt på: navn)');
    // A read's criterion (a document) and a refusal's plain text add nothing.
    expect(lookupWhy('read', 'case-requests', JSON.stringify({ document: 'decision-pdf' })).da).toBe('Behandlingsgarantien og afgørelsen om behandling');
    expect(lookupWhy('search', 'citizens', 'reference: citizenId').da).toBe('Sagsbehandling: din sag blev åbnet eller fundet');
  });

  // A personal-data resource added later would be told to the citizen by its path ("Læst: handovers"):
  // this fails until it is given words in Danish and English.
  it.each(PERSONAL_DATA_RESOURCES.map((r) => [r]))('has Danish and English words for %s', (resource) => {
    expect(hasLookupWords(resource)).toBe(true);
    for (const label of [lookupWhat('read', resource), lookupWhy('read', resource, null)]) {
      // Danish words, not the path (English words may share the path's word, as "sessions" does).
      expect(label.da).not.toContain(resource);
      expect(label.da).not.toBe(label.en);
    }
  });
});
