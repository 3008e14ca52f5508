import { useBarSeriesContext, useXAxis, useXScale, useYAxis, useYScale } from '@mui/x-charts/hooks';
import type { Interval } from './chart-data';
import { barCentre, capHalfWidth, whiskerPath } from './error-bar-geometry';

/** The intervals of one bar series, by category: null draws none (a hidden or absent bar), nor does one of no width. */
export interface SeriesIntervals {
  seriesId: string;
  intervals: ReadonlyArray<Interval | null>;
}

/**
 * 95 % intervals drawn as error bars over a bar chart's bars: @mui/x-charts has none of its own. A
 * child of the chart, it finds each bar's centre the way the chart places the bar (the category's
 * band, one slot per stacking group with `barGapRatio` between them) and the whisker's ends with the
 * value axis's scale. `layout` is the chart's: vertical bars over a band x axis, horizontal ones
 * beside a band y axis.
 */
export const ErrorBars = ({ series, layout, colour }: { series: SeriesIntervals[]; layout: 'vertical' | 'horizontal'; colour: string }) => {
  const vertical = layout === 'vertical';
  const xAxis = useXAxis<'band'>();
  const yAxis = useYAxis<'band'>();
  const xScale = useXScale();
  const yScale = useYScale();
  const bars = useBarSeriesContext();
  const bandAxis = vertical ? xAxis : yAxis;
  const bandScale = bandAxis.scale;
  const valueScale = (vertical ? yScale : xScale) as (value: number) => number | undefined;
  const groups = bars?.stackingGroups ?? [];
  if (groups.length === 0 || typeof bandScale.bandwidth !== 'function') return null;
  const bandwidth = bandScale.bandwidth();

  const paths = series.flatMap(({ seriesId, intervals }) => {
    const group = groups.findIndex((g) => g.ids.includes(seriesId));
    if (group < 0 || bars?.series[seriesId]?.hidden) return [];
    return intervals.flatMap((interval, index) => {
      const bandStart = bandScale(bandAxis.data?.[index]);
      // An interval of no width (every pair changed alike) would draw only its two caps, on top of each other.
      if (interval === null || interval[0] === interval[1] || bandStart === undefined) return [];
      const { centre, barWidth } = barCentre(bandStart, bandwidth, group, groups.length, bandAxis.barGapRatio);
      const [from, to] = interval.map((v) => valueScale(v));
      if (from === undefined || to === undefined) return [];
      return [<path key={`${seriesId}-${index}`} className="outcomes-error-bar" d={whiskerPath(centre, from, to, capHalfWidth(barWidth), vertical)} />];
    });
  });
  return (
    <g className="outcomes-error-bars" stroke={colour} strokeWidth={1.5} fill="none" pointerEvents="none">
      {paths}
    </g>
  );
};
