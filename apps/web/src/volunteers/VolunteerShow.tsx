import EditIcon from '@mui/icons-material/Edit';
import SchoolIcon from '@mui/icons-material/School';
import { Box, Stack, Typography } from '@mui/material';
import type { Training, Volunteer } from '@outcomes/contracts';
import {
  DataTable,
  EditButton,
  ReferenceField,
  ReferenceManyField,
  Show,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Detail } from '../common/Detail';
import { LinkButton } from '../common/LinkButton';
import { TrainingFlags } from '../trainings/TrainingFlags';
import { CalendarDate } from './CalendarDate';
import { TrainedChip, VolunteerStatusChip } from './VolunteerChips';
import { volunteerName } from './volunteer-name';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';

const Trainings = ({ volunteer }: { volunteer: Volunteer }) => {
  const translate = useTranslate();
  const { canAccess: canRecord } = useCanAccess({ resource: 'trainings', action: 'create' });
  return (
    <Box sx={{ mt: 3 }} data-testid="volunteer-trainings">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {translate('app.volunteers.trainings')}
        </Typography>
        {canRecord && (
          <LinkButton
            to="/trainings/create"
            state={{ record: { volunteerId: volunteer.id } }}
            label="app.volunteers.add_training"
            icon={<SchoolIcon />}
            variant="outlined"
          />
        )}
      </Stack>
      <ReferenceManyField reference="trainings" target="volunteerId" sort={{ field: 'completedOn', order: 'DESC' }} perPage={100}>
        <TableRegion label="app.volunteers.trainings">
          <DataTable<Training> bulkActionButtons={false} rowClick="edit" empty={<Typography color="text.secondary">{translate('app.volunteers.no_trainings')}</Typography>}>
            <DataTable.Col source="kind" label="resources.trainings.fields.kind" render={(t: Training) => translate(`app.trainings.kinds.${t.kind}`)} />
            <DataTable.Col source="title" label="resources.trainings.fields.title" disableSort field={RecordLink} />
            <DataTable.Col source="completedOn" label="resources.trainings.fields.completedOn" render={(t: Training) => <CalendarDate date={t.completedOn} />} />
            <DataTable.Col source="renewsOn" label="resources.trainings.fields.renewsOn" render={(t: Training) => <CalendarDate date={t.renewsOn} />} />
            <DataTable.Col label="app.trainings.standing" render={(t: Training) => <TrainingFlags training={t} />} />
          </DataTable>
        </TableRegion>
      </ReferenceManyField>
    </Box>
  );
};

const Body = () => {
  const volunteer = useRecordContext<Volunteer>();
  const translate = useTranslate();
  if (!volunteer) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
        {/* h2: the page's one h1 is its title in the app bar ("Frivillig <name>"), where focus goes on arrival. */}
        <Typography variant="h5" component="h2">
          {volunteerName(volunteer)}
        </Typography>
        <VolunteerStatusChip status={volunteer.status} />
        <TrainedChip trained={volunteer.trained} />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Detail sx={{ minWidth: 180 }} label="resources.volunteers.fields.organisationId">
          <ReferenceField source="organisationId" reference="organisations" link={false} />
        </Detail>
        <Detail sx={{ minWidth: 180 }} label="resources.volunteers.fields.phone">{volunteer.phone ?? '–'}</Detail>
        <Detail sx={{ minWidth: 180 }} label="resources.volunteers.fields.email">{volunteer.email ?? '–'}</Detail>
        <Detail sx={{ minWidth: 180 }} label="resources.volunteers.fields.criminalRecordCheckedOn">
          {volunteer.criminalRecordCheckedOn ? <CalendarDate date={volunteer.criminalRecordCheckedOn} /> : '–'}
        </Detail>
      </Stack>
      {volunteer.notes && (
        <Box sx={{ mt: 2 }}>
          <Detail sx={{ minWidth: 180 }} label="resources.volunteers.fields.notes">
            {/* What staff wrote in their own words is Danish, also on an English page (WCAG 3.1.2). */}
            <Box component="span" lang="da" sx={{ whiteSpace: 'pre-wrap' }}>
              {volunteer.notes}
            </Box>
          </Detail>
        </Box>
      )}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {translate('app.volunteers.trained_hint')}
      </Typography>
      <Trainings volunteer={volunteer} />
    </Box>
  );
};

const Actions = () => (
  <TopToolbar>
    <EditButton icon={<EditIcon />} />
  </TopToolbar>
);

/** A volunteer: contact, status, criminal-record check, notes, and their trainings with flags. */
export const VolunteerShow = () => (
  <Show actions={<Actions />}>
    <Body />
  </Show>
);
