import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useResourceContext, useTranslate } from 'react-admin';

/**
 * A wide table scrolls inside its own box, not the page (WCAG 1.4.10: at 320 px the page never scrolls
 * sideways). The box is a named region in the Tab order so a keyboard user can scroll it with the arrow
 * keys and a screen reader says what it holds; its name is the list's (or `label`, a translation key).
 */
export const TableRegion = ({ children, label }: { children: ReactNode; label?: string }) => {
  const translate = useTranslate();
  const resource = useResourceContext();
  const name = label ? translate(label) : resource ? translate(`resources.${resource}.name`, { smart_count: 2, _: resource }) : undefined;
  return (
    <Box role="region" aria-label={name} tabIndex={0} data-testid="table-region" sx={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </Box>
  );
};
