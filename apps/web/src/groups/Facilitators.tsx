import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Facilitation, Group, Volunteer } from '@outcomes/contracts';
import { FACILITATOR_ROLES } from '@outcomes/contracts';
import { assignmentProblem } from '@outcomes/domain';
import { useCallback, useState } from 'react';
import type { Validator } from 'react-admin';
import {
  Form,
  Link,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SelectInput,
  useGetList,
  useNotify,
  useTranslate,
} from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { todayLocal } from '../common/dates';
import { Row } from '../common/Row';
import { ScrollRegion } from '../common/ScrollRegion';
import { CalendarDate } from '../volunteers/CalendarDate';
import { translatableMessage } from '../data/field-errors';
import { fieldErrorsOf } from '../volunteers/rule-messages';
import type { AssignmentInput } from '../volunteers/volunteer-api';
import { assignFacilitator, endAssignment, fetchFacilitators, useLoaded } from '../volunteers/volunteer-api';
import { TrainedChip, VolunteerStatusChip } from '../volunteers/VolunteerChips';
import { volunteerName } from '../volunteers/volunteer-name';

const roleChoices = FACILITATOR_ROLES.map((role) => ({ id: role, name: `app.facilitation.roles.${role}` }));

const isCurrent = (f: Facilitation, today: string): boolean => f.toDate === null || f.toDate >= today;

/** The domain's rule, shown as soon as a volunteer is chosen: one who left cannot be assigned. */
const assignable =
  (volunteers: readonly Volunteer[]): Validator =>
  (value: unknown) => {
    const status = volunteers.find((v) => v.id === value)?.status;
    const problem = status && assignmentProblem(status);
    return problem ? translatableMessage(problem) : undefined;
  };

const toBeforeFrom: Validator = (value: unknown, values: { fromDate?: string }) =>
  typeof value === 'string' && value !== '' && values.fromDate && value < values.fromDate ? translatableMessage('toDate must not be before fromDate') : undefined;

const AssignForm = ({ group, volunteers, onAssigned }: { group: Group; volunteers: Volunteer[]; onAssigned: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const choices = volunteers.map((v) => ({ id: v.id, name: `${volunteerName(v)} (${translate(`app.volunteers.statuses.${v.status}`)})` }));
  const save = async (values: Record<string, unknown>) => {
    const input: AssignmentInput = {
      volunteerId: values['volunteerId'] as string,
      role: values['role'] as AssignmentInput['role'],
      fromDate: values['fromDate'] as string,
      toDate: typeof values['toDate'] === 'string' && values['toDate'] !== '' ? values['toDate'] : null,
    };
    try {
      await assignFacilitator(group.id, input);
      notify('app.facilitation.assigned', { type: 'success' });
      onAssigned();
      return undefined;
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return errors;
    }
  };
  return (
    <Form onSubmit={save} defaultValues={{ role: 'facilitator', fromDate: todayLocal(), toDate: null }}>
      <Box data-testid="assign-facilitator" sx={{ mt: 2, maxWidth: 800 }}>
        <Typography variant="subtitle1" component="h3">
          {translate('app.facilitation.assign')}
        </Typography>
        <SelectInput source="volunteerId" label="app.facilitation.volunteer" choices={choices} translateChoice={false} validate={[required(), assignable(volunteers)]} />
        <RadioButtonGroupInput source="role" label="app.facilitation.role" choices={roleChoices} validate={required()} />
        <Row>
          <DanishDateInput source="fromDate" label="app.facilitation.from" validate={required()} />
          <DanishDateInput source="toDate" label="app.facilitation.to" helperText="app.facilitation.to_hint" validate={toBeforeFrom} />
        </Row>
        <SaveButton label="app.facilitation.assign" icon={<PersonAddIcon />} alwaysEnable />
      </Box>
    </Form>
  );
};

/**
 * A SMART group's facilitators (who, which role, from/to, trained today), ending an assignment, and
 * assigning a volunteer; the rules' errors show on the fields.
 */
export const Facilitators = ({ group }: { group: Group }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const load = useCallback(() => fetchFacilitators(group.id), [group.id]);
  const { data: facilitations, reload } = useLoaded(load);
  // A new key after an assignment gives a fresh, empty form.
  const [formKey, setFormKey] = useState(0);
  const { data: volunteers, refetch } = useGetList<Volunteer>('volunteers', {
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 500 },
  });
  const byId = new Map((volunteers ?? []).map((v) => [v.id, v]));
  const today = todayLocal();
  const end = async (facilitation: Facilitation) => {
    try {
      await endAssignment(group.id, facilitation.id);
      notify('app.facilitation.ended', { type: 'success' });
      reload();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  const rows = [...(facilitations ?? [])].sort((a, b) => Number(isCurrent(b, today)) - Number(isCurrent(a, today)) || a.fromDate.localeCompare(b.fromDate));
  return (
    <Box sx={{ mb: 3 }} data-testid="group-facilitators">
      <Typography variant="h6" component="h2" id="group-facilitators-title">
        {translate('app.facilitation.title')}
      </Typography>
      {rows.length === 0 ? (
        <Alert severity="warning" sx={{ my: 1 }}>
          {translate('app.facilitation.none')}
        </Alert>
      ) : (
        <ScrollRegion labelledBy="group-facilitators-title">
        <Table size="small" sx={{ my: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.facilitation.volunteer')}</TableCell>
              <TableCell>{translate('app.facilitation.role')}</TableCell>
              <TableCell>{translate('app.facilitation.from')}</TableCell>
              <TableCell>{translate('app.facilitation.to')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((f) => {
              const volunteer = byId.get(f.volunteerId);
              const current = isCurrent(f, today);
              return (
                <TableRow key={f.id} data-testid="facilitator-row" sx={{ opacity: current ? 1 : 0.55 }}>
                  <TableCell>
                    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <Link to={`/volunteers/${f.volunteerId}/show`}>{volunteer ? volunteerName(volunteer) : '…'}</Link>
                      {volunteer && <TrainedChip trained={volunteer.trained} />}
                      {volunteer && volunteer.status !== 'active' && <VolunteerStatusChip status={volunteer.status} />}
                    </Stack>
                  </TableCell>
                  <TableCell>{translate(`app.facilitation.roles.${f.role}`)}</TableCell>
                  <TableCell>
                    <CalendarDate date={f.fromDate} />
                  </TableCell>
                  <TableCell>{f.toDate ? <CalendarDate date={f.toDate} /> : '–'}</TableCell>
                  <TableCell align="right">
                    {current && f.toDate !== today && (
                      <Button size="small" color="warning" onClick={() => void end(f)}>
                        {translate('app.facilitation.end')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        </ScrollRegion>
      )}
      <AssignForm
        key={formKey}
        group={group}
        volunteers={volunteers ?? []}
        onAssigned={() => {
          reload();
          void refetch();
          setFormKey((k) => k + 1);
        }}
      />
    </Box>
  );
};
