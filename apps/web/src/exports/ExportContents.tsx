import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslate } from 'react-admin';

const POINTS = ['pseudonyms', 'months', 'nothing_identifying', 'opted_out', 'small_cells'] as const;

/** What leaves the system in an export, and what never does. */
export const ExportContents = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ my: 2 }} data-testid="export-contents">
      <AlertTitle>{translate('app.exports.contents.title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {POINTS.map((point) => (
          <li key={point}>{translate(`app.exports.contents.${point}`)}</li>
        ))}
      </Box>
      <Box sx={{ mt: 1 }}>{translate('app.exports.contents.personal_data')}</Box>
    </Alert>
  );
};
