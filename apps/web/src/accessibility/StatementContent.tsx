import { Box, Link, List, ListItem, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { ASSESSMENT, CONFORMS, ENFORCEMENT_URL, KNOWN_GAPS, STATEMENT_DATE } from './statement';

/** One section under an <h2> (the page's <h1> is its title: the app bar's, or the public page's own). */
const Section = ({ heading, children }: { heading: string; children: ReactNode }) => (
  <Box component="section" sx={{ mt: 3 }}>
    <Typography variant="h6" component="h2" gutterBottom>
      {heading}
    </Typography>
    {children}
  </Box>
);

const Bullets = ({ items }: { items: readonly string[] }) => (
  <List sx={{ listStyleType: 'disc', pl: 3, py: 0 }}>
    {items.map((text) => (
      <ListItem key={text} sx={{ display: 'list-item', px: 0, py: 0.25 }}>
        {text}
      </ListItem>
    ))}
  </List>
);

/** The accessibility statement's text, in the language chosen in the app. */
export const StatementContent = () => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`app.accessibility.${key}`, options);
  return (
    <Box sx={{ maxWidth: '70ch', overflowWrap: 'anywhere' }}>
      <Typography sx={{ mb: 2 }}>{t('commitment', { app: translate('app.title') })}</Typography>
      <Section heading={t('status_heading')}>
        <Typography sx={{ mb: 2 }}>{t('status')}</Typography>
      </Section>
      <Section heading={t('conforms_heading')}>
        <Bullets items={CONFORMS.map((id) => t(`conforms.${id}`))} />
      </Section>
      <Section heading={t('gaps_heading')}>
        <Typography>{t('gaps_intro')}</Typography>
        <Bullets items={KNOWN_GAPS.map((id) => t(`gaps.${id}`))} />
      </Section>
      <Section heading={t('assessment_heading')}>
        <Bullets items={ASSESSMENT.map((id) => t(`assessment.${id}`))} />
        <Typography sx={{ mt: 1, mb: 2 }}>
          {t('date', { date: formatDate(STATEMENT_DATE) })}
        </Typography>
      </Section>
      <Section heading={t('feedback_heading')}>
        <Typography sx={{ mb: 2 }}>{t('feedback')}</Typography>
        <Typography sx={{ mb: 2 }}>{t('no_personal_data')}</Typography>
      </Section>
      <Section heading={t('enforcement_heading')}>
        <Typography sx={{ mb: 2 }}>{t('enforcement')}</Typography>
        {/* The agency's page is in Danish whatever language the statement is read in. */}
        <Link href={ENFORCEMENT_URL} hrefLang="da" rel="noopener noreferrer">
          {t('enforcement_link')}
        </Link>
      </Section>
    </Box>
  );
};
