import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { EmergencyAccess, Role } from '@outcomes/contracts';
import { CreateButton, DataTable, FunctionField, List, Loading, TopToolbar, useGetIdentity, useGetList, usePermissions, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { RecordLink } from '../common/RecordLink';
import { TableRegion } from '../common/TableRegion';
import { Expiry, ReviewState } from './ReviewState';

const Opened = ({ record }: { record: EmergencyAccess }) => <>{formatDateTime(record.openedAt)}</>;

const StaffActions = () => (
  <TopToolbar>
    <CreateButton label="app.emergencyAccess.create" />
  </TopToolbar>
);

/** Staff: their own openings (the database shows a staff member no one else's), newest first, and a new one. */
const StaffOpenings = () => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('app.emergencyAccess.intro')}
      </Alert>
      <List exporter={false} sort={{ field: 'openedAt', order: 'DESC' }} disableSyncWithLocation actions={<StaffActions />} empty={false}>
        <TableRegion>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="openedAt">
              <RecordLink render={(record: EmergencyAccess) => <Opened record={record} />} />
            </DataTable.Col>
            <DataTable.Col source="municipalityName" disableSort />
            <DataTable.Col source="expiresAt">
              <FunctionField<EmergencyAccess> render={(r) => <Expiry access={r} />} />
            </DataTable.Col>
            <DataTable.Col source="reviewState">
              <FunctionField<EmergencyAccess> render={(r) => <ReviewState access={r} />} />
            </DataTable.Col>
          </DataTable>
        </TableRegion>
      </List>
    </>
  );
};

/** The admin's own staff's openings in other municipalities: to see, not to review (the owner reviews). */
const OwnStaffOpenings = ({ municipalityId }: { municipalityId: string }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<EmergencyAccess>('emergency-accesses', { filter: { accessorMunicipalityId: municipalityId }, sort: { field: 'openedAt', order: 'DESC' }, pagination: { page: 1, perPage: 25 } });
  return (
    <Box component="section" sx={{ mt: 4 }} aria-labelledby="own-staff-openings">
      <Typography variant="h6" component="h2" id="own-staff-openings" gutterBottom>
        {translate('app.emergencyAccess.own_staff_title')}
      </Typography>
      {isPending ? null : !data || data.length === 0 ? (
        <Typography variant="body2">{translate('app.emergencyAccess.none')}</Typography>
      ) : (
        <TableRegion>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.emergency-accesses.fields.openedAt')}</TableCell>
                <TableCell>{translate('resources.emergency-accesses.fields.accessorName')}</TableCell>
                <TableCell>{translate('resources.emergency-accesses.fields.municipalityName')}</TableCell>
                <TableCell>{translate('resources.emergency-accesses.fields.reason')}</TableCell>
                <TableCell>{translate('resources.emergency-accesses.fields.reviewState')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((a) => (
                <TableRow key={a.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.openedAt)}</TableCell>
                  <TableCell>{a.accessorName}</TableCell>
                  <TableCell>{a.municipalityName}</TableCell>
                  <TableCell>{a.reason}</TableCell>
                  <TableCell>
                    <ReviewState access={a} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </Box>
  );
};

/**
 * The admin's review queue: openings of their own municipality's citizens by other municipalities'
 * staff, what waits first ('pending' sorts before 'raised' and 'reviewed'). Who, when and why, never
 * the citizen's name (decision 84).
 */
const ReviewQueue = ({ municipalityId }: { municipalityId: string }) => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('app.emergencyAccess.queue_intro')}
      </Alert>
      <List title="app.emergencyAccess.queue_title" filter={{ municipalityId }} exporter={false} sort={{ field: 'reviewState', order: 'ASC' }} disableSyncWithLocation actions={false} empty={false}>
        <TableRegion>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="openedAt">
              <RecordLink render={(record: EmergencyAccess) => <Opened record={record} />} />
            </DataTable.Col>
            <DataTable.Col source="accessorName" disableSort />
            <DataTable.Col source="accessorMunicipalityName" disableSort />
            <DataTable.Col source="reason" disableSort />
            <DataTable.Col source="reviewState">
              <FunctionField<EmergencyAccess> render={(r) => <ReviewState access={r} />} />
            </DataTable.Col>
          </DataTable>
        </TableRegion>
      </List>
      <OwnStaffOpenings municipalityId={municipalityId} />
    </>
  );
};

export const EmergencyAccessList = () => {
  const { permissions: role } = usePermissions<Role | undefined>();
  const { identity, isPending } = useGetIdentity();
  if (role === undefined || isPending) return <Loading />;
  const municipalityId = (identity as { municipalityId?: string } | undefined)?.municipalityId;
  if (role === 'admin' && municipalityId) return <ReviewQueue municipalityId={municipalityId} />;
  return <StaffOpenings />;
};
