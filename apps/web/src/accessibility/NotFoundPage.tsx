import HistoryIcon from '@mui/icons-material/History';
import { Box, Button, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

/**
 * "Page not found" with one <h1>: react-admin's own page put the application's name in the app bar's
 * <h1> and a second <h1> in the page. Here the app bar's heading is the page's message.
 */
export const NotFoundPage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 6, px: 2 }}>
      <Title title="ra.page.not_found" />
      {/* react-admin's message has no full stop in either language (its page adds one). */}
      <Typography sx={{ mb: 3 }}>{translate('ra.message.not_found')}.</Typography>
      <Button variant="contained" startIcon={<HistoryIcon />} onClick={() => window.history.back()}>
        {translate('ra.action.back')}
      </Button>
    </Box>
  );
};
