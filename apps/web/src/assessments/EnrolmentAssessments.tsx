import AddIcon from '@mui/icons-material/PostAdd';
import { Box, Stack, Typography } from '@mui/material';
import type { Assessment } from '@outcomes/contracts';
import { useCanAccess, useGetList, useTranslate } from 'react-admin';
import { LinkButton } from '../common/LinkButton';
import { ScrollRegion } from '../common/ScrollRegion';
import { nextTimepoint } from './assessment-history';
import { AssessmentTable } from './AssessmentTable';

/** The enrolment page's ASI interviews, and a new one at the next timepoint not yet taken. */
export const EnrolmentAssessments = ({ enrolmentId }: { enrolmentId: string }) => {
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource: 'assessments', action: 'create' });
  const { data } = useGetList<Assessment>('assessments', {
    filter: { enrolmentId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'date', order: 'ASC' },
  });
  if (!data) return null;
  const timepoint = nextTimepoint(data.map((a) => a.timepoint));
  return (
    <Box component="section" aria-labelledby="enrolment-asi-title" data-testid="enrolment-assessments">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography id="enrolment-asi-title" variant="subtitle1" component="h2">
          {translate('resources.assessments.name', { smart_count: 2 })}
        </Typography>
        {canCreate && <LinkButton to="/assessments/create" state={{ record: { enrolmentId, timepoint } }} label="resources.assessments.record" icon={<AddIcon />} />}
      </Stack>
      {data.length > 0 && (
        <ScrollRegion labelledBy="enrolment-asi-title">
          <AssessmentTable assessments={data} />
        </ScrollRegion>
      )}
    </Box>
  );
};
