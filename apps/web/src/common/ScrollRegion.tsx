import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { overflowsSideways } from './scroll-region';

/**
 * A data table's own scrolling box (WCAG 1.4.10 reflow): on a narrow screen the table scrolls sideways
 * inside it while the page itself keeps to the screen. It is a named region, and while its content is
 * wider than it, a tab stop, so that keyboard users can scroll it with the arrow keys.
 */
export const ScrollRegion = ({
  label,
  labelledBy,
  children,
  testId,
}: {
  /** The region's name (translated), or the id of the heading that names it. */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
  testId?: string;
}) => {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [scrolls, setScrolls] = useState(false);
  const measure = useCallback(() => {
    if (box) setScrolls(overflowsSideways(box));
  }, [box]);
  useEffect(() => {
    if (!box) return undefined;
    measure();
    // The box changes width with the window; its table with the data and the language.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const table = box.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [box, measure]);
  return (
    <Box
      ref={setBox}
      role="region"
      aria-label={label}
      aria-labelledby={label ? undefined : labelledBy}
      tabIndex={scrolls ? 0 : undefined}
      data-testid={testId}
      data-scrolls={scrolls ? 'true' : undefined}
      sx={{ overflowX: 'auto', maxWidth: '100%', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 } }}
    >
      {children}
    </Box>
  );
};
