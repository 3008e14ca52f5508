import { Alert, AlertTitle, Box, List, ListItem } from '@mui/material';
import type { LikelyDuplicate } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../data/data-provider';

/** Waits this long after the last keystroke before asking: one question per name, not per letter. */
const PAUSE_MS = 400;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const yearOf = (value: unknown): number | null => (typeof value === 'number' && value >= 1900 && value <= 2100 ? value : null);

/**
 * On registering a citizen without a CPR number (an alias, anonymous treatment, a newcomer): who may
 * already be registered as the same person, by name words, birth year and sex (issue 22), each a
 * link to that citizen's page. The question goes in a POST body, never a URL, and nothing is stored
 * in the browser. With a CPR number the server's duplicate check is exact, so nothing is asked.
 */
export const LikelyDuplicates = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [cpr, firstName, lastName, birthYear, sex] = useWatch({ name: ['cpr', 'firstName', 'lastName', 'birthYear', 'sex'] }) as unknown[];
  const [found, setFound] = useState<LikelyDuplicate[]>([]);
  const withoutCpr = text(cpr) === '';
  const first = text(firstName);
  const last = text(lastName);
  const year = yearOf(birthYear);
  const sexValue = sex === 'male' || sex === 'female' ? sex : null;

  useEffect(() => {
    if (!withoutCpr || first === '' || last === '') {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      dataProvider
        .likelyDuplicates({ firstName: first, lastName: last, birthYear: year, sex: sexValue })
        .then((citizens) => current && setFound(citizens))
        // A failed question hides the hint; the save itself still reports its own errors.
        .catch(() => current && setFound([]));
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [dataProvider, withoutCpr, first, last, year, sexValue]);

  if (found.length === 0) return null;
  return (
    <Box sx={{ width: '100%', mb: 2 }}>
      <Alert severity="info" data-testid="likely-duplicates" role="status">
        <AlertTitle>{translate('app.citizens.likely_duplicates.title', { smart_count: found.length })}</AlertTitle>
        {translate('app.citizens.likely_duplicates.hint')}
        <List dense disablePadding>
          {found.map((c) => (
            <ListItem key={c.id} disableGutters sx={{ display: 'list-item' }}>
              <Link to={`/citizens/${c.id}/show`}>
                {c.firstName} {c.lastName}
              </Link>
              {' · '}
              {[
                c.birthYear ?? translate('app.citizens.likely_duplicates.year_unknown'),
                c.sex ? translate(`resources.citizens.sexes.${c.sex}`) : null,
                translate(c.hasCpr ? 'app.citizens.likely_duplicates.with_cpr' : 'app.citizens.likely_duplicates.without_cpr'),
              ]
                .filter((part) => part !== null)
                .join(', ')}
            </ListItem>
          ))}
        </List>
      </Alert>
    </Box>
  );
};
