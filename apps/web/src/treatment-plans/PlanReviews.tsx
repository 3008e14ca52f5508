import { Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import type { PlanReviewDue, Programme } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { Link, ReferenceField, RecordContextProvider, useGetMany, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { TableRegion } from '../common/TableRegion';
import { fetchPlanReviews } from './plan-api';

/** The worklist's plan reviews: due within a week or overdue (red), soonest first; "Mine borgere" and the centre narrow them as the other lines. */
export const PlanReviews = ({ centreId, staffUserId }: { centreId: string; staffUserId?: string | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [reviews, setReviews] = useState<PlanReviewDue[]>();
  useEffect(() => {
    void fetchPlanReviews({ centreId, staffUserId }).then(setReviews);
  }, [centreId, staffUserId]);
  const ids = [...new Set((reviews ?? []).map((r) => r.programmeId))];
  const { data: programmes } = useGetMany<Programme>('programmes', { ids }, { enabled: ids.length > 0 });
  // On a phone (outreach in the street) each review is a card, as the worklist's other lines: no table scrolls sideways.
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (!reviews) return null;
  const programmeLink = (r: PlanReviewDue) => (
    <Link to={`/citizens/${r.citizenId}/show`}>{programmes?.find((p) => p.id === r.programmeId)?.name ?? translate('app.treatment_plans.open_citizen')}</Link>
  );
  const due = (r: PlanReviewDue) => (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <span>{formatDate(r.reviewDate, locale)}</span>
      {r.overdue && <Chip size="small" color="error" label={translate('app.treatment_plans.overdue')} />}
    </Stack>
  );
  const citizen = (r: PlanReviewDue) => (
    <RecordContextProvider value={r}>
      <ReferenceField source="citizenId" reference="citizens" link="show" />
    </RecordContextProvider>
  );
  return (
    <Stack component="section" aria-labelledby="plan-reviews-heading" sx={{ mt: 3 }} data-testid="plan-reviews">
      <Typography id="plan-reviews-heading" variant="h6" component="h3">
        {translate('app.treatment_plans.reviews_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(reviews.length === 0 ? 'app.treatment_plans.reviews_none' : 'app.treatment_plans.reviews_intro')}
      </Typography>
      {reviews.length > 0 && phone && (
        <Stack spacing={1}>
          {reviews.map((r) => (
            <Paper key={r.id} variant="outlined" sx={{ p: 1.5 }} data-testid="plan-review">
              {citizen(r)}
              <Typography variant="body2">{programmeLink(r)}</Typography>
              {due(r)}
            </Paper>
          ))}
        </Stack>
      )}
      {reviews.length > 0 && !phone && (
        <TableRegion label="app.treatment_plans.reviews_title">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.sessions.fields.citizenId')}</TableCell>
                <TableCell>{translate('resources.sessions.fields.enrolmentId')}</TableCell>
                <TableCell>{translate('app.treatment_plans.review_date')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reviews.map((r) => (
                <TableRow key={r.id} data-testid="plan-review">
                  <TableCell>{citizen(r)}</TableCell>
                  <TableCell>{programmeLink(r)}</TableCell>
                  <TableCell>{due(r)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </Stack>
  );
};
