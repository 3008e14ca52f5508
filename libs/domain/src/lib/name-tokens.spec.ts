import { nameTokens } from './name-tokens';

describe('nameTokens', () => {
  it('lower-cases, splits on spaces and hyphens, and drops duplicates', () => {
    expect(nameTokens('Søren', 'Aagaard-Jensen', 'søren')).toEqual(['søren', 'ågård', 'jensen']);
  });

  it('treats aa and å as the same letter', () => {
    expect(nameTokens('Aarhus')).toEqual(nameTokens('Århus'));
    expect(nameTokens('Aagaard')).toEqual(nameTokens('Ågård'));
  });

  it('keeps æ, ø and å but folds foreign accents', () => {
    expect(nameTokens('Æble Øster Åge')).toEqual(['æble', 'øster', 'åge']);
    expect(nameTokens('Hélène Müller')).toEqual(['helene', 'muller']);
  });

  it('ignores empty and missing parts', () => {
    expect(nameTokens('  ', null, undefined, 'Bo')).toEqual(['bo']);
  });
});
