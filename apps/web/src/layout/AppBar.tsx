import { ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import PersonIcon from '@mui/icons-material/Person';
import { Logout, AppBar as RaAppBar, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
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

/** The application's name, the page title, the user's municipality; the toolbar brings the language switcher. */
export const AppBar = () => {
  const translate = useTranslate();
  const identity = useIdentity();
  return (
    <RaAppBar userMenu={<AccountMenu />}>
      <Typography variant="h6" component="span" noWrap sx={{ fontSize: '1.1rem', mr: 2 }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="body1" sx={{ opacity: 0.85 }} />
      {identity && (
        <Typography variant="body2" component="span" noWrap data-testid="municipality" sx={{ mx: 1, opacity: 0.9 }}>
          {/* The national operator belongs to no municipality: their role stands in its place. */}
          {identity.municipalityName ? translate('app.auth.municipality', { name: identity.municipalityName }) : translate(`app.roles.${identity.role}`)}
        </Typography>
      )}
    </RaAppBar>
  );
};
