import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import LanguageIcon from '@mui/icons-material/Translate';
import { Button, Menu, MenuItem } from '@mui/material';
import type { MouseEvent } from 'react';
import { useId, useState } from 'react';
import { useLocaleState, useLocales, useTranslate } from 'react-admin';

/**
 * react-admin's LocalesMenuButton, with two differences for screen readers: each language in the
 * menu is marked with its own language ("English" on a Danish page is English, WCAG 3.1.2), and the
 * button says what it is ("Sprog: Dansk", not only "Dansk"; react-admin gave it an empty aria-label).
 */
export const LanguageMenuButton = () => {
  const translate = useTranslate();
  const languages = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const current = languages.find((language) => language.locale === locale)?.name ?? locale;
  const choose = (next: string) => () => {
    setLocale(next);
    setAnchor(null);
  };
  return (
    <>
      <Button
        color="inherit"
        variant="text"
        aria-label={translate('app.language_menu', { language: current })}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : 'false'}
        aria-controls={anchor ? menuId : undefined}
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        startIcon={<LanguageIcon />}
        endIcon={<ExpandMoreIcon fontSize="small" />}
      >
        {current}
      </Button>
      <Menu id={menuId} anchorEl={anchor} keepMounted open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {languages.map((language) => (
          <MenuItem key={language.locale} lang={language.locale} onClick={choose(language.locale)} selected={language.locale === locale}>
            {language.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
