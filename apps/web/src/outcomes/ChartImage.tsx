import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslate } from 'react-admin';

/** Read by a screen reader, not shown. */
const VISUALLY_HIDDEN = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * A chart as one image to assistive technology (WCAG 1.1.1, 4.1.2): named "<title>, diagram", and
 * described by what the page says about it (`describedBy`: ids of its hint) and by a line that its
 * figures are in the table under it. The chart inside must not be focusable: pass the chart
 * `disableKeyboardNavigation`, or its surface is a nameless tab stop inside an image.
 */
export const ChartImage = ({ title, describedBy = [], testId, children }: { title: string; describedBy?: string[]; testId?: string; children: ReactNode }) => {
  const translate = useTranslate();
  const noteId = useId();
  return (
    <>
      <Box role="img" aria-label={translate('app.charts.name', { title })} aria-describedby={[...describedBy, noteId].join(' ')} data-testid={testId}>
        {children}
      </Box>
      <Box component="span" id={noteId} sx={VISUALLY_HIDDEN}>
        {translate('app.charts.table_below')}
      </Box>
    </>
  );
};
