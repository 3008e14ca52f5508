import { Box, Typography } from '@mui/material';
import { Link, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';
import { PUBLIC_STATEMENT_PATH, useDocumentLanguage } from '../accessibility';
import { LocalisedTheme } from '../theme';
import { LanguageMenuButton } from '../i18n/LanguageMenuButton';

/**
 * react-admin's login page, asking for the e-mail address (the API's user name) and the password,
 * with the accessibility statement one link away (the law wants it readable without an account). A
 * refused sign-in shows react-admin's toast, a role="alert" that screen readers announce.
 */
const LoginScreen = () => {
  const translate = useTranslate();
  useDocumentLanguage();
  return (
    // The lock's circle in the app bar's navy (react-admin asks for a palette shade the theme does not name).
    <Login sx={{ '& .RaLogin-icon': { bgcolor: 'secondary.main' } }}>
      <Box sx={{ width: 300, px: 2, pt: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 0.5 }}>
        <Typography variant="subtitle1" component="h1" sx={{ lineHeight: 1.3, textAlign: 'center' }}>
          {translate('app.title')}
        </Typography>
        <LanguageMenuButton />
      </Box>
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
      </LoginForm>
      <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
        <Link to={PUBLIC_STATEMENT_PATH}>{translate('app.accessibility.link')}</Link>
      </Box>
    </Login>
  );
};

export const LoginPage = () => (
  <LocalisedTheme>
    <LoginScreen />
  </LocalisedTheme>
);
