import { Box, Container, Paper, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { LocalisedTheme } from '../theme';
import { StatementContent } from './StatementContent';
import { useDocumentLanguage } from './useDocumentLanguage';
import { LanguageMenuButton } from '../i18n/LanguageMenuButton';

/**
 * The statement for anyone, signed in or not (a custom route without the app's layout, which
 * react-admin renders whatever the sign-in state): the law wants it reachable without an account.
 * "Til forsiden" leads to the app, which asks a signed-out reader to sign in.
 */
const PublicStatement = () => {
  const translate = useTranslate();
  const title = translate('app.accessibility.title');
  useDocumentLanguage(title);
  return (
    <Box sx={{ bgcolor: 'background.default', minHeight: '100vh', py: { xs: 1, sm: 4 } }}>
      <Container maxWidth="md" sx={{ px: { xs: 1, sm: 3 } }}>
        <Box component="nav" sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
          <Link to="/">{translate('app.accessibility.back_to_app')}</Link>
          <LanguageMenuButton />
        </Box>
        <Paper component="main" sx={{ p: { xs: 2, sm: 4 } }}>
          <Typography variant="body2" color="text.secondary">
            {translate('app.title')}
          </Typography>
          {/* One long Danish word: smaller on a phone, so it fits 320 px whole rather than broken. */}
          <Typography variant="h4" component="h1" gutterBottom sx={{ overflowWrap: 'anywhere', fontSize: { xs: '1.4rem', sm: '2.125rem' } }}>
            {title}
          </Typography>
          <StatementContent />
        </Paper>
      </Container>
    </Box>
  );
};

export const PublicStatementPage = () => (
  <LocalisedTheme>
    <PublicStatement />
  </LocalisedTheme>
);
