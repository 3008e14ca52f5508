import { i18nProvider, inSentence } from './i18n-provider';

describe('resource names inside a sentence', () => {
  it('lower-cases a capitalised name but keeps an abbreviation', () => {
    expect(inSentence('Borgere')).toBe('borgere');
    expect(inSentence('Ændringer')).toBe('ændringer');
    expect(inSentence('SMART-grupper')).toBe('SMART-grupper');
    expect(inSentence('ASI-interviews')).toBe('ASI-interviews');
  });

  it('says "Ingen borgere fundet", not "Ingen Borgere fundet"', async () => {
    expect(i18nProvider.translate('ra.navigation.no_results', { name: 'Borgere' })).toBe('Ingen borgere fundet');
    expect(i18nProvider.translate('ra.page.empty', { name: 'Forløb' })).toBe('Ingen forløb endnu.');
    // Elsewhere a name keeps its capital (a page title starts with it).
    expect(i18nProvider.translate('ra.page.list', { name: 'Borgere' })).toBe('Borgere');
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('ra.navigation.no_results', { name: 'Citizens' })).toBe('No citizens found');
    await i18nProvider.changeLocale('da');
  });
});
