import { Box, ListItemIcon, ListItemText, MenuItem, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import AccessibilityNewIcon from '@mui/icons-material/AccessibilityNew';
import PersonIcon from '@mui/icons-material/Person';
import {
  LinkBase,
  LoadingIndicator,
  Logout,
  AppBar as RaAppBar,
  TitlePortal,
  ToggleThemeButton,
  UserMenu,
  useGetIdentity,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { IN_APP_STATEMENT_PATH } from '../accessibility/paths';
import type { Identity } from '../auth/auth-provider';
import { LanguageMenuButton } from '../i18n/LanguageMenuButton';

const useIdentity = (): Identity | undefined => useGetIdentity().identity as Identity | undefined;

/**
 * The application's name, in the chosen language: react-admin's title for a page that sets none (its
 * "not found" page), which otherwise read "React Admin" in the page's <h1>.
 */
export const AppName = () => {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
};

/** The accessibility statement, which the law wants one step from every page. */
const StatementMenuItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={LinkBase} to={IN_APP_STATEMENT_PATH} onClick={userMenu?.onClose}>
      <ListItemIcon>
        <AccessibilityNewIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={translate('app.accessibility.link')} />
    </MenuItem>
  );
};

/**
 * Name, role and municipality of the signed-in user, the accessibility statement, then "log out".
 * The button shows the user's name, so its accessible name starts "Profil" and carries that name
 * (WCAG 2.5.3: the spoken name contains the visible one); react-admin names it "Profil" alone.
 */
const AccountMenu = () => {
  const identity = useIdentity();
  const translate = useTranslate();
  // react-admin shows the name from the `sm` breakpoint up; below, an icon button that needs no
  // name beside "Profil" (and that would read a label that is not a message key as "Profile").
  const showsName = useMediaQuery((theme: Theme) => theme.breakpoints.up('sm'));
  return (
    <UserMenu label={showsName && identity?.fullName ? translate('app.auth.user_menu_named', { name: identity.fullName }) : 'ra.auth.user_menu'}>
      {identity && (
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          <ListItemIcon>
            <PersonIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary={identity.fullName}
            secondary={
              identity.municipalityName
                ? `${translate(`app.roles.${identity.role}`)} · ${translate('app.auth.municipality', { name: identity.municipalityName })}`
                : translate(`app.roles.${identity.role}`)
            }
          />
        </MenuItem>
      )}
      <StatementMenuItem />
      <Logout />
    </UserMenu>
  );
};

/**
 * The language switcher, the theme and the reload button. On a phone the language button shows its
 * icon only (its name stays for screen readers) and the theme switch goes, so the page title keeps room.
 */
const Toolbar = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', flexShrink: 0, ...(phone ? { '& .MuiButton-root': { minWidth: 0, fontSize: 0 } } : {}) }}>
      <LanguageMenuButton />
      {!phone && <ToggleThemeButton />}
      <LoadingIndicator />
    </Box>
  );
};

/**
 * The application's name, the page title, the user's municipality; the toolbar brings the language
 * switcher. All in the app bar's full white: faded to 85-90 %, they fell below 4.5:1. On a phone only the page title stays (ellipsed if long): the application's name and the
 * municipality would leave it a few letters.
 */
export const AppBar = () => {
  const translate = useTranslate();
  const identity = useIdentity();
  return (
    <RaAppBar userMenu={<AccountMenu />} toolbar={<Toolbar />}>
      <Typography
        variant="h6"
        component="span"
        noWrap
        data-testid="app-title"
        sx={{ fontSize: '1.1rem', mr: 2, display: { xs: 'none', md: 'block' }, flexShrink: 0 }}
      >
        {translate('app.title')}
      </Typography>
      {/* The page's title is the page's one <h1> (react-admin portals each page's <Title> into it). */}
      <TitlePortal
        component="h1"
        variant="body1"
        sx={{
          fontWeight: 500,
          minWidth: 0,
          mr: 1,
          fontSize: { xs: '1.05rem', md: '1rem' },
          // The title sits in react-admin's configurable span: a block there, so a long name ends in "…".
          '& > span': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        }}
      />
      {identity && (
        <Typography
          variant="body2"
          component="span"
          noWrap
          data-testid="municipality"
          sx={{ mx: 1, display: { xs: 'none', sm: 'block' }, flexShrink: 0 }}
        >
          {/* The national operator belongs to no municipality: their role stands in its place. */}
          {identity.municipalityName ? translate('app.auth.municipality', { name: identity.municipalityName }) : translate(`app.roles.${identity.role}`)}
        </Typography>
      )}
    </RaAppBar>
  );
};
