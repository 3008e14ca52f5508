/**
 * Where @mui/x-charts puts a bar, and the whisker drawn over it. The chart splits a category's band
 * into one slot per stacking group with `barGapRatio` of a bar's width between slots (its
 * `getBandSize`); a bar's centre is the middle of its slot.
 */
export function barCentre(bandStart: number, bandwidth: number, group: number, groups: number, barGapRatio: number): { centre: number; barWidth: number } {
  const barWidth = bandwidth / (groups + (groups - 1) * barGapRatio);
  return { centre: bandStart + group * barWidth * (1 + barGapRatio) + barWidth / 2, barWidth };
}

/** Half the width of a whisker's caps, in pixels: at most 6, and a quarter of its bar when narrower. */
export const capHalfWidth = (barWidth: number): number => Math.min(6, barWidth / 4);

/**
 * An SVG path from `from` to `to` across the bar at `centre`, with a cap at each end: vertical over
 * upright bars, horizontal beside lying ones.
 */
export function whiskerPath(centre: number, from: number, to: number, cap: number, vertical: boolean): string {
  return vertical
    ? `M ${centre - cap} ${from} H ${centre + cap} M ${centre} ${from} V ${to} M ${centre - cap} ${to} H ${centre + cap}`
    : `M ${from} ${centre - cap} V ${centre + cap} M ${from} ${centre} H ${to} M ${to} ${centre - cap} V ${centre + cap}`;
}
