import { Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal, useTranslate } from 'react-admin';

/** The application's name, then the page title; the default toolbar brings the language switcher. */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar>
      <Typography variant="h6" component="span" noWrap sx={{ fontSize: '1.1rem', mr: 2 }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="body1" sx={{ opacity: 0.85 }} />
    </RaAppBar>
  );
};
