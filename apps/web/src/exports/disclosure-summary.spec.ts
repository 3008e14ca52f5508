import polyglotI18nProvider from 'ra-i18n-polyglot';
import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { disclosureSummary } from './disclosure-summary';

const danish = polyglotI18nProvider(() => da, 'da').translate;
const english = polyglotI18nProvider(() => en, 'en').translate;

const run = { k: 5, l: 2, generalisation: ['birth-year-5y', 'months-to-quarters'], suppressedValues: 3, withheldRows: 1 };

describe('the disclosure summary of an export run', () => {
  it('says in one line what was generalised, suppressed and left out', () => {
    expect(disclosureSummary(run, danish)).toBe('Fødselsår i 5-års-intervaller, måneder som kvartaler; 3 værdier undertrykt; 1 person udeladt (k = 5)');
    expect(disclosureSummary(run, english)).toBe('Birth year in 5-year bands, months as quarters; 3 values suppressed; 1 person left out (k = 5)');
  });

  it('counts in the singular and plural, zero included', () => {
    expect(disclosureSummary({ ...run, k: 11, suppressedValues: 1, withheldRows: 0 }, danish)).toBe(
      'Fødselsår i 5-års-intervaller, måneder som kvartaler; 1 værdi undertrykt; 0 personer udeladt (k = 11)',
    );
    expect(disclosureSummary({ ...run, suppressedValues: 0, withheldRows: 2 }, english)).toBe(
      'Birth year in 5-year bands, months as quarters; 0 values suppressed; 2 people left out (k = 5)',
    );
  });

  it('shows a scheme it does not know by its code, and none when there was none', () => {
    expect(disclosureSummary({ ...run, generalisation: ['region'] }, danish)).toBe('Region; 3 værdier undertrykt; 1 person udeladt (k = 5)');
    expect(disclosureSummary({ ...run, generalisation: [] }, danish)).toBe('3 værdier undertrykt; 1 person udeladt (k = 5)');
  });
});
