import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { RegisterReadiness } from '@outcomes/contracts';
import { registerDueDate } from '@outcomes/domain';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { Link, Loading, ReferenceField, Title, useTranslate } from 'react-admin';
import { formatDate, formatMonth } from '../common/dates';
import { DanishDateTextField } from '../common/DanishDateField';
import { ScrollRegion } from '../common/ScrollRegion';
import { extractUrl, fetchReadiness } from './api';

const Panel = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Card variant="outlined" data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" id={`${testId}-title`} gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** The month's file: pick a month, see its due date, download it. */
/** A course's first two cells in both lists: the citizen's name, and the programme linked to the enrolment. */
const CourseCells = ({ course }: { course: { enrolmentId: string; citizenId: string; programmeId: string } }) => (
  <>
    <TableCell>
      <ReferenceField record={course} source="citizenId" reference="citizens" link={false} />
    </TableCell>
    <TableCell>
      <Link to={`/enrolments/${course.enrolmentId}/show`}>
        <ReferenceField record={course} source="programmeId" reference="programmes" link={false} />
      </Link>
    </TableCell>
  </>
);

const Extract = ({ readiness }: { readiness: RegisterReadiness }) => {
  const translate = useTranslate();
  const [month, setMonth] = useState(readiness.previousMonth.month);
  const valid = /^\d{4}-\d{2}$/.test(month) && month <= readiness.currentMonth.month;
  return (
    <Panel title={translate('app.register.extract')} testId="register-extract">
      <Stack spacing={2} direction={{ xs: 'column', sm: 'row' }} sx={{ alignItems: { sm: 'center' } }}>
        <DanishDateTextField month name="month" label={translate('app.register.month')} value={month} onChange={setMonth} size="small" />
        {valid && (
          <Typography data-testid="register-due">{translate('app.register.due', { date: formatDate(registerDueDate(month)) })}</Typography>
        )}
        <Button
          component="a"
          href={valid ? extractUrl(month) : undefined}
          download={valid ? `stofmisbrugsdatabasen-${month}.csv` : undefined}
          disabled={!valid}
          variant="contained"
          startIcon={<DownloadIcon />}
          data-testid="register-download"
        >
          {translate('app.register.download', { month: formatMonth(month) })}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        {translate('app.register.extract_hint')}
      </Typography>
    </Panel>
  );
};

const Incomplete = ({ readiness }: { readiness: RegisterReadiness }) => {
  const translate = useTranslate();
  return (
    <Panel title={translate('app.register.incomplete')} testId="register-incomplete">
      {readiness.incomplete.length === 0 ? (
        <Alert severity="success">{translate('app.register.none_incomplete')}</Alert>
      ) : (
        <>
        {readiness.incompleteTotal > readiness.incomplete.length && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('app.register.showing', { shown: readiness.incomplete.length, total: readiness.incompleteTotal })}
          </Typography>
        )}
        <ScrollRegion labelledBy="register-incomplete-title">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.register.citizen')}</TableCell>
                <TableCell>{translate('app.register.programme')}</TableCell>
                <TableCell>{translate('app.register.state')}</TableCell>
                <TableCell>{translate('app.register.requested')}</TableCell>
                <TableCell>{translate('app.register.started')}</TableCell>
                <TableCell>{translate('app.register.ended')}</TableCell>
                <TableCell>{translate('app.register.missing')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {readiness.incomplete.map((course) => (
                <TableRow key={course.enrolmentId} data-testid="register-incomplete-row">
                  <CourseCells course={course} />
                  <TableCell>{translate(`resources.enrolments.states.${course.state}`)}</TableCell>
                  <TableCell>{formatDate(course.requestedOn)}</TableCell>
                  <TableCell>{formatDate(course.startDate)}</TableCell>
                  <TableCell>{formatDate(course.endDate)}</TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                      {course.missing.map((issue) => (
                        <Chip key={issue} size="small" color="warning" variant="outlined" label={translate(`app.register.issues.${issue}`)} data-testid={`issue-${issue}`} />
                      ))}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
        </>
      )}
    </Panel>
  );
};

const LeftOut = ({ readiness }: { readiness: RegisterReadiness }) => {
  const translate = useTranslate();
  return (
    <Panel title={translate('app.register.left_out')} testId="register-left-out">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.register.left_out_hint')}
      </Typography>
      {readiness.leftOut.length === 0 ? (
        <Typography color="text.secondary">{translate('app.register.none_left_out')}</Typography>
      ) : (
        <>
        {readiness.leftOutTotal > readiness.leftOut.length && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('app.register.showing', { shown: readiness.leftOut.length, total: readiness.leftOutTotal })}
          </Typography>
        )}
        <ScrollRegion labelledBy="register-left-out-title">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.register.citizen')}</TableCell>
                <TableCell>{translate('app.register.programme')}</TableCell>
                <TableCell>{translate('app.register.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {readiness.leftOut.map((course) => (
                <TableRow key={course.enrolmentId} data-testid="register-left-out-row">
                  <CourseCells course={course} />
                  <TableCell>{translate(`app.register.reasons.${course.reason}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
        </>
      )}
    </Panel>
  );
};

/** The register's page: what each course lacks, who is left out and why, and the month's file with its due date. */
export const RegisterReadinessPage = () => {
  const translate = useTranslate();
  const [readiness, setReadiness] = useState<RegisterReadiness>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchReadiness().then(setReadiness, () => setFailed(true));
  }, []);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.register.title')} />
      {failed ? (
        <Alert severity="error">{translate('ra.notification.http_error')}</Alert>
      ) : !readiness ? (
        <Loading />
      ) : (
        <Stack spacing={2}>
          <Typography>{translate('app.register.intro')}</Typography>
          <Typography data-testid="register-summary">
            {translate('app.register.summary', { courses: readiness.courses, ready: readiness.ready, incomplete: readiness.incompleteTotal })}
          </Typography>
          <Extract readiness={readiness} />
          <Incomplete readiness={readiness} />
          <LeftOut readiness={readiness} />
        </Stack>
      )}
    </Box>
  );
};
