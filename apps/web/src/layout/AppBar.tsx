import { Box, ListItemIcon, ListItemText, MenuItem, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import PersonIcon from '@mui/icons-material/Person';
import {
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  AppBar as RaAppBar,
  TitlePortal,
  ToggleThemeButton,
  UserMenu,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import type { Identity } from '../auth/auth-provider';

const useIdentity = (): Identity | undefined => useGetIdentity().identity as Identity | undefined;

/** Name, role and municipality of the signed-in user, then "log out". */
const AccountMenu = () => {
  const identity = useIdentity();
  const translate = useTranslate();
  return (
    <UserMenu>
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
      <LocalesMenuButton />
      {!phone && <ToggleThemeButton />}
      <LoadingIndicator />
    </Box>
  );
};

/**
 * The application's name, the page title, the user's municipality; the toolbar brings the language
 * switcher. On a phone only the page title stays (ellipsed if long): the application's name and the
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
      <TitlePortal
        variant="body1"
        sx={{
          opacity: 0.85,
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
          sx={{ mx: 1, opacity: 0.9, display: { xs: 'none', sm: 'block' }, flexShrink: 0 }}
        >
          {/* The national operator belongs to no municipality: their role stands in its place. */}
          {identity.municipalityName ? translate('app.auth.municipality', { name: identity.municipalityName }) : translate(`app.roles.${identity.role}`)}
        </Typography>
      )}
    </RaAppBar>
  );
};
