import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** Inputs side by side on wide screens (react-admin inputs take their container's full width). */
export const Row = ({ columns = 'repeat(2, minmax(0, 1fr))', children }: { columns?: string; children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: columns }, columnGap: 2, width: '100%' }}>{children}</Box>
);
