import { Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled part of the dashboard, with an optional line saying what it shows. */
export const Panel = ({ title, hint, testId, children }: { title: string; hint?: string; testId: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" component="section" data-testid={testId} aria-label={translate(title)} sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h6" component="h2" id={`${testId}-title`}>
        {translate(title)}
      </Typography>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} id={`${testId}-hint`}>
          {translate(hint)}
        </Typography>
      )}
      {children}
    </Paper>
  );
};
