import AddIcon from '@mui/icons-material/Add';
import { Box, Paper, Stack, Typography } from '@mui/material';
import type { CaseRequest } from '@outcomes/contracts';
import { Link, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { LinkButton } from '../common/LinkButton';
import { GuaranteeStatus } from './GuaranteeStatus';

/** The citizen page's section: each request with its treatment guarantee, and a new request. */
export const CitizenCaseRequests = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useGetList<CaseRequest>('case-requests', { filter: { citizenId }, sort: { field: 'requestedOn', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  return (
    // Under the details' divider, as the timeline was; the gap below keeps the empty line (or the last
    // request) off the timeline's heading, which has no top margin of its own.
    <Box component="section" aria-labelledby="citizen-case-requests-heading" sx={{ mb: 3 }} data-testid="citizen-case-requests">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2" id="citizen-case-requests-heading">
          {translate('app.caseRequests.section_title')}
        </Typography>
        <LinkButton to="/case-requests/create" state={{ record: { citizenId } }} label="app.caseRequests.new" icon={<AddIcon />} />
      </Stack>
      {data && data.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.caseRequests.none')}
        </Typography>
      )}
      <Stack spacing={1}>
        {data?.map((request) => (
          <Paper key={request.id} variant="outlined" sx={{ p: 1.5 }} data-testid="citizen-case-request">
            <Link to={`/case-requests/${request.id}`} variant="subtitle1" underline="hover">
              {translate('app.caseRequests.requested_on', { date: formatDate(request.requestedOn, locale) })} · {translate(`app.caseRequests.channels.${request.channel}`)} ·{' '}
              {translate(`app.caseRequests.statuses.${request.status}`)}
            </Link>
            <Box>
              <GuaranteeStatus guarantee={request.guarantee} />
            </Box>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
};
