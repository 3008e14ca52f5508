import type { BenchmarkFigure, PublishedResult } from '@outcomes/contracts';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { benchmarkTimeText, publishedSourceText, publishedTimeText, publishedValueText } from './benchmark-text';

const danish = polyglotI18nProvider(() => da, 'da').translate;
const english = polyglotI18nProvider(() => en, 'en').translate;

// MOVE as the issue describes it: 50 % of all who started, nine months after the start.
const move: PublishedResult = { programmeCode: 'MOVE', measure: 'drug-free', population: 'all', publishedMonths: 9, publishedFrom: 'start', proportion: 0.5, source: 'MOVE: 50 %' };

describe('a benchmark in words', () => {
  it('says when the source measured its figure', () => {
    expect(publishedTimeText(move, danish)).toBe('9 måneder efter start');
    expect(publishedTimeText({ publishedMonths: 1, publishedFrom: 'end' }, danish)).toBe('1 måned efter afslutning');
    expect(publishedTimeText({ publishedMonths: 0, publishedFrom: 'end' }, danish)).toBe('ved afslutning');
    expect(publishedTimeText(move, english)).toBe('9 months after the start');
  });

  it('says the difference when the timepoint used is not the published time', () => {
    // MOVE's twelve weekly sessions take about 2.8 months, so its six-month follow-up is about 8.8 months after the start.
    const benchmark: Pick<BenchmarkFigure, 'published' | 'timepoint' | 'sameTime' | 'timepointMonthsFromStart'> = {
      published: move,
      timepoint: 'follow-up-6',
      sameTime: false,
      timepointMonthsFromStart: 8.8,
    };
    expect(benchmarkTimeText(benchmark, danish, 'da')).toBe('Offentliggjort: 9 måneder efter start; her: opfølgning efter 6 måneder (ca. 8,8 måneder efter start)');
    expect(benchmarkTimeText(benchmark, english, 'en')).toBe('Published: 9 months after the start; here: follow-up after 6 months (about 8.8 months after the start)');
    expect(benchmarkTimeText({ ...benchmark, timepointMonthsFromStart: null }, danish, 'da')).toBe('Offentliggjort: 9 måneder efter start; her: opfølgning efter 6 måneder');
    const hcs = { published: { ...move, publishedMonths: 0, publishedFrom: 'end' as const }, timepoint: 'end' as const, sameTime: true, timepointMonthsFromStart: 3 };
    expect(benchmarkTimeText(hcs, danish, 'da')).toBe('Målt på det publicerede tidspunkt: ved afslutning');
  });

  it('names the published population', () => {
    expect(publishedValueText(move, '50 %', danish)).toBe('50 % stoffri 9 måneder efter start, af alle, der startede');
    expect(publishedValueText({ ...move, population: 'completers' }, '50 %', english)).toBe('50 % drug-free 9 months after the start, of those who completed');
  });

  it('gives the published source in Danish on Danish pages, with a decimal comma', () => {
    const hcs: PublishedResult = { ...move, programmeCode: 'HCS', population: 'completers', publishedMonths: 0, publishedFrom: 'end', proportion: 0.341, source: 'HCS: 34.1 % of those who complete ...' };
    expect(publishedSourceText(hcs, danish)).toBe(
      'HCS: 34,1 % af dem, der gennemfører forløbet, er stoffri ved afslutningen. Socialstyrelsen, Gruppebehandling ved misbrug af hash og centralstimulerende stoffer.',
    );
    expect(publishedSourceText(move, danish)).toMatch(/^MOVE: 50 % stoffri efter ni måneder/);
    // A result the web has no translation of keeps the catalogue's own text.
    expect(publishedSourceText({ ...move, programmeCode: 'NEW' }, danish)).toBe('MOVE: 50 %');
  });
});
