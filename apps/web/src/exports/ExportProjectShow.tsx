import { Box, Typography } from '@mui/material';
import type { ExportJob, ExportProject } from '@outcomes/contracts';
import { useCallback } from 'react';
import {
  ChipField,
  EditButton,
  Labeled,
  NumberField,
  ReferenceArrayField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { ExportContents } from './ExportContents';
import { ExportJobHistory } from './ExportJobHistory';
import { ExportJobProgress } from './ExportJobProgress';
import { jobUnderWay } from './export-jobs';
import { PeriodText } from './PeriodText';
import { StartExport } from './StartExport';

const Period = () => {
  const project = useRecordContext<ExportProject>();
  return project ? (
    <Labeled label="app.exports.period">
      <Typography variant="body2">
        <PeriodText project={project} />
      </Typography>
    </Labeled>
  ) : null;
};

/** Start an export, follow it to its file, and see the project's earlier exports. */
const ProjectExports = () => {
  const translate = useTranslate();
  const project = useRecordContext<ExportProject>();
  const jobs = useGetList<ExportJob>(
    'export-jobs',
    { filter: { projectId: project?.id }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
    { enabled: project !== undefined },
  );
  // The job just started lives in the address (?job=, an export job's id, nothing personal): a
  // change of language draws the page again from scratch, and the finished job's panel stays.
  const [search, setSearch] = useSearchParams();
  const followedId = search.get('job') ?? undefined;
  const { refetch } = jobs;
  const refreshHistory = useCallback(() => void refetch(), [refetch]);
  if (!project) return null;
  const underWay = jobUnderWay(jobs.data ?? []);
  // The job just started, else one found under way (started earlier, or in another window).
  const followed = followedId ?? underWay?.id;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
        {translate('app.exports.start.title')}
      </Typography>
      <StartExport
        projectId={project.id}
        busy={underWay !== undefined}
        onStarted={(job) => {
          setSearch({ job: job.id }, { replace: true });
          refreshHistory();
        }}
      />
      {/* Keyed by the job, so a new job's progress starts afresh. */}
      {followed && <ExportJobProgress key={followed} jobId={followed} onFinished={refreshHistory} />}
      <ExportContents />
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.exports.history.title')}
      </Typography>
      <ExportJobHistory jobs={jobs.data ?? []} />
    </Box>
  );
};

export const ExportProjectShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="purpose" />
      <ReferenceArrayField source="municipalityIds" reference="municipalities">
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <ReferenceArrayField source="programmeIds" reference="programmes">
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <Period />
      <NumberField source="k" />
    </SimpleShowLayout>
    <ProjectExports />
  </Show>
);
