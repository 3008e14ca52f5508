import ReferIcon from '@mui/icons-material/AssignmentInd';
import { Box, Divider, Typography } from '@mui/material';
import type { Citizen } from '@outcomes/contracts';
import { EditButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Detail } from '../common/Detail';
import { AccessHistory } from '../access-log/AccessHistory';
import { CitizenAssessments } from '../assessments/CitizenAssessments';
import { LinkButton } from '../common/LinkButton';
import { CitizenTimeline } from './CitizenTimeline';
import { ContactTimeline } from './ContactTimeline';
import { ScrollRegion } from '../common/ScrollRegion';
import { CitizenCaseRequests } from '../case-requests/CitizenCaseRequests';
import { TreatmentPlanSection } from '../treatment-plans/TreatmentPlanSection';
import { ConsentPanel } from '../consents/ConsentPanel';
import { CitizenMerges } from '../citizen-merges/CitizenMerges';
import { LegalHoldPanel } from '../retention/LegalHoldPanel';
import { useMergedRedirect } from '../citizen-merges/useMergedRedirect';
import { CitizenHandovers } from '../handovers/CitizenHandovers';

const Actions = () => {
  const citizen = useRecordContext<Citizen>();
  return (
    <TopToolbar>
      {citizen && (
        <LinkButton
          to="/enrolments/create"
          state={{ record: { citizenId: citizen.id } }}
          label="app.citizens.refer"
          icon={<ReferIcon />}
        />
      )}
      <EditButton />
    </TopToolbar>
  );
};

const formatCpr = (cpr: string): string => (cpr.length === 10 ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr);

const Details = () => {
  const citizen = useRecordContext<Citizen>();
  const translate = useTranslate();
  if (!citizen) return null;
  const field = (name: string) => `resources.citizens.fields.${name}`;
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' }, gap: 2, overflowWrap: 'anywhere' }}
      data-testid="citizen-details"
    >
      <Detail label={field('name')}>
        {citizen.firstName} {citizen.lastName}
      </Detail>
      <Detail label={field('cpr')} testId="citizen-cpr">
        {citizen.cpr ? formatCpr(citizen.cpr) : translate('app.citizens.anonymous')}
        {citizen.cprReplacement && (
          <Typography variant="caption" component="div" color="warning.main">
            {translate('app.helper.cpr_replacement')}
          </Typography>
        )}
      </Detail>
      <Detail label={field('birthYear')} testId="citizen-birth-year">
        {citizen.birthYear}
      </Detail>
      <Detail label={field('sex')}>{citizen.sex && translate(`resources.citizens.sexes.${citizen.sex}`)}</Detail>
      <Detail label={field('phone')}>{citizen.phone}</Detail>
      <Detail label={field('email')}>{citizen.email}</Detail>
      <Detail label={field('address')}>{citizen.address}</Detail>
      <Detail label={field('preferredLanguage')}>
        {citizen.preferredLanguage && translate(`app.languages.${citizen.preferredLanguage}`, { _: citizen.preferredLanguage })}
      </Detail>
    </Box>
  );
};

const Body = () => {
  const citizen = useRecordContext<Citizen>();
  const translate = useTranslate();
  if (!citizen) return null;
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 } }}>
      <Details />
      <Divider sx={{ my: 2 }} />
      <ConsentPanel citizenId={String(citizen.id)} />
      <CitizenMerges />
      <CitizenHandovers citizenId={String(citizen.id)} />
      <CitizenCaseRequests citizenId={String(citizen.id)} />
      <LegalHoldPanel citizenId={String(citizen.id)} />
      <CitizenTimeline citizenId={String(citizen.id)} />
      <TreatmentPlanSection citizenId={String(citizen.id)} />
      <CitizenAssessments citizenId={String(citizen.id)} />
      <ContactTimeline citizenId={String(citizen.id)} />
      {/* A table of its own: on a phone it scrolls inside this region, not the page. */}
      <ScrollRegion label={translate('app.access_log.history_title')}>
        <AccessHistory citizenId={String(citizen.id)} />
      </ScrollRegion>
    </Box>
  );
};

/** The citizen's page: details, then everything that happened in their treatment, newest first. */
export const CitizenShow = () => (
  // minWidth 0: the card keeps to the screen's width (a flex item would grow to its widest table).
  <Show actions={<Actions />} queryOptions={useMergedRedirect()} sx={{ '& .RaShow-card': { minWidth: 0 } }}>
    <Body />
  </Show>
);
