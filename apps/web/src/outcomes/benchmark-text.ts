import type { BenchmarkFigure, PublishedResult } from '@outcomes/contracts';
import { intlLocale } from '../common/dates';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "9 måneder efter start", "ved afslutning": when the source measured its figure. */
export function publishedTimeText(published: Pick<PublishedResult, 'publishedMonths' | 'publishedFrom'>, translate: Translate): string {
  const { publishedMonths: months, publishedFrom: from } = published;
  if (months === 0) return translate(`app.outcomes.benchmark.time.at_${from}`);
  return translate(`app.outcomes.benchmark.time.months_after_${from}`, { smart_count: months });
}

/**
 * When the programme's figure was measured, beside the published time: said as a difference when
 * they differ ("Offentliggjort: 9 måneder efter start; her: opfølgning efter 6 måneder (ca. 8,8
 * måneder efter start)"), so a reader does not take the two for the same thing.
 */
export function benchmarkTimeText(
  benchmark: Pick<BenchmarkFigure, 'published' | 'timepoint' | 'sameTime' | 'timepointMonthsFromStart'>,
  translate: Translate,
  locale: string,
): string {
  const used = translate(`app.outcomes.benchmark.used.${benchmark.timepoint}`);
  const months = benchmark.timepointMonthsFromStart;
  // A time published from the start is compared with the timepoint as the protocol places it after the start.
  const here =
    benchmark.published.publishedFrom === 'start' && months !== null
      ? translate('app.outcomes.benchmark.used_from_start', { here: used, months: new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(months) })
      : used;
  return benchmark.sameTime
    ? translate('app.outcomes.benchmark.same_time', { here })
    : translate('app.outcomes.benchmark.different_time', { published: publishedTimeText(benchmark.published, translate), here });
}

/** "50 % stoffri 9 måneder efter start, af alle, der startede". */
export function publishedValueText(published: PublishedResult, percent: string, translate: Translate): string {
  return translate('app.outcomes.benchmark.published_value', {
    percent,
    time: publishedTimeText(published, translate),
    population: translate(`app.outcomes.benchmark.population.${published.population}`),
  });
}

/** The key of a published result's source text in the user's language: the catalogue holds it in English (migration 1795614800000). */
export const publishedSourceKey = (published: Pick<PublishedResult, 'programmeCode' | 'population' | 'publishedFrom' | 'publishedMonths'>): string =>
  `app.outcomes.benchmark.sources.${published.programmeCode}-${published.population}-${published.publishedFrom}-${published.publishedMonths}`;

/** The source of a published result in the user's language; the catalogue's own text for a result the web has no translation of. */
export function publishedSourceText(published: PublishedResult, translate: Translate): string {
  return translate(publishedSourceKey(published), { _: published.source });
}
