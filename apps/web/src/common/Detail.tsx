import { Box, Typography } from '@mui/material';
import type { SxProps, Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A labelled value on a page or beside a form: the label small above it, "—" when there is none. */
export const Detail = ({ label, children, testId, sx }: { label: string; children: ReactNode; testId?: string; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <Box sx={sx}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body1" component="div" data-testid={testId}>
        {children === null || children === undefined || children === '' || children === false ? '—' : children}
      </Typography>
    </Box>
  );
};
