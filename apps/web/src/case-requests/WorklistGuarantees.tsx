import { Box, Paper, Stack, Typography } from '@mui/material';
import type { CaseRequest } from '@outcomes/contracts';
import { Link, ReferenceField, useGetList, useTranslate } from 'react-admin';
import { GuaranteeStatus } from './GuaranteeStatus';

const waiting = (r: CaseRequest): boolean => r.guarantee?.status === 'running' || r.guarantee?.status === 'overdue';

/**
 * The worklist's section: open requests whose treatment has not started, earliest deadline first.
 * Only § 101 requests: anonymous treatment (§ 101 a) has no guarantee.
 */
export const WorklistGuarantees = () => {
  const translate = useTranslate();
  const { data } = useGetList<CaseRequest>('case-requests', { filter: { status: 'open', courseKind: 'sel-101' }, sort: { field: 'requestedOn', order: 'ASC' }, pagination: { page: 1, perPage: 200 } });
  if (!data) return null;
  const rows = data.filter(waiting);
  return (
    <Box sx={{ mb: 3 }} data-testid="worklist-guarantees">
      <Typography variant="h6" component="h2">
        {translate('app.caseRequests.worklist_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(rows.length === 0 ? 'app.caseRequests.worklist_empty' : 'app.caseRequests.worklist_intro')}
      </Typography>
      <Stack spacing={1}>
        {rows.map((r) => (
          <Paper key={r.id} variant="outlined" sx={{ p: 1.5 }} data-testid="worklist-guarantee">
            <Link to={`/case-requests/${r.id}`} underline="hover">
              <ReferenceField record={r} source="citizenId" reference="citizens" link={false} />
            </Link>
            <Box>
              <GuaranteeStatus guarantee={r.guarantee} />
            </Box>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
};
