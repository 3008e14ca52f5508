import AssessmentIcon from '@mui/icons-material/PostAdd';
import PhoneIcon from '@mui/icons-material/PhoneInTalk';
import { Box, Button, Card, CardActions, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import type { WorklistItem } from '@outcomes/contracts';
import { LinkBase, RecordContextProvider, ReferenceField, TextField, useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { LinkButton } from '../common/LinkButton';
import { ScrollRegion } from '../common/ScrollRegion';
import type { WorklistSection } from './worklist-sections';

const Attempts = ({ item }: { item: WorklistItem }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const latest = item.attempts.at(-1);
  if (!latest) return <>{translate('app.worklist.no_attempts')}</>;
  return (
    <>
      <strong>{translate('app.worklist.attempts_count', { smart_count: item.attempts.length })}</strong>
      <Typography variant="caption" component="div" color="text.secondary">
        {translate('app.worklist.latest_attempt', {
          date: formatDate(latest.date, locale),
          channel: translate(`app.worklist.channels.${latest.channel}`).toLowerCase(),
          outcome: translate(latest.reached ? 'app.worklist.attempt.reached' : 'app.worklist.attempt.not_reached').toLowerCase(),
        })}
      </Typography>
    </>
  );
};


/** The same item as a card, for a phone: who and what on top, when and the attempts below, the two actions at the thumb. */
const WorklistCard = ({ item, staff, onLogAttempt }: { item: WorklistItem; staff: string; onLogAttempt: (item: WorklistItem) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <RecordContextProvider value={item}>
      <Card variant="outlined" data-testid="worklist-row" component="li">
        <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
          <Typography variant="subtitle1" component="div" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
            <ReferenceField source="citizenId" reference="citizens" link="show" />
          </Typography>
          <Typography variant="body2" component="div" color="text.secondary">
            <ReferenceField source="programmeId" reference="programmes" link={false}>
              <TextField source="code" />
            </ReferenceField>
            {' · '}
            {translate(`resources.assessments.timepoints.${item.timepoint}`)}
            {' · '}
            {staff}
          </Typography>
          <Typography variant="body2" component="div" sx={{ mt: 1 }}>
            {translate('app.worklist.columns.due')}: <strong>{formatDate(item.dueDate, locale)}</strong>
          </Typography>
          {item.windowStart && item.windowEnd && (
            <Typography variant="caption" component="div" color="text.secondary">
              {translate('app.worklist.window', { from: formatDate(item.windowStart, locale), to: formatDate(item.windowEnd, locale) })}
            </Typography>
          )}
          <Box sx={{ mt: 1 }} data-testid="worklist-attempts">
            <Attempts item={item} />
          </Box>
        </CardContent>
        <CardActions sx={{ flexWrap: 'wrap', gap: 1, px: 2, pb: 2, '& > :not(style) ~ :not(style)': { ml: 0 } }}>
          <Button size="medium" startIcon={<PhoneIcon />} onClick={() => onLogAttempt(item)} sx={{ minHeight: 44 }}>
            {translate('app.worklist.log_attempt')}
          </Button>
          {/* Labelled on a phone too (react-admin's buttons shrink to an icon there). */}
          <Button
            component={LinkBase}
            to="/assessments/create"
            state={{ record: { enrolmentId: item.enrolmentId, timepoint: item.timepoint } }}
            variant="outlined"
            startIcon={<AssessmentIcon />}
            sx={{ minHeight: 44 }}
          >
            {translate('app.worklist.record_asi')}
          </Button>
        </CardActions>
      </Card>
    </RecordContextProvider>
  );
};

/**
 * One part of the worklist: who, which assessment, when it falls due, the attempts so far, and the two
 * things to do from here (log an attempt to reach the citizen, take the interview).
 */
export const WorklistTable = ({
  section,
  items,
  myId,
  onLogAttempt,
}: {
  section: WorklistSection;
  items: WorklistItem[];
  myId: string | undefined;
  onLogAttempt: (item: WorklistItem) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const column = (name: string) => translate(`app.worklist.columns.${name}`);
  const staff = (item: WorklistItem) =>
    translate(item.staffUserId === null ? 'app.worklist.no_staff' : item.staffUserId === myId ? 'app.worklist.me' : 'app.worklist.other_staff');
  return (
    <Box component="section" aria-labelledby={`worklist-${section}`} data-testid={`worklist-${section}`} sx={{ mb: 3 }}>
      <Typography id={`worklist-${section}`} variant="h6" component="h2">
        {translate(`app.worklist.sections.${section}`)} ({items.length})
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate(`app.worklist.section_hints.${section}`)}
      </Typography>
      {phone ? (
        <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-labelledby={`worklist-${section}`}>
          {items.length === 0 && (
            <Typography component="li" variant="body2" color="text.secondary">
              {translate('app.worklist.empty')}
            </Typography>
          )}
          {items.map((item) => (
            <WorklistCard key={item.id} item={item} staff={staff(item)} onLogAttempt={onLogAttempt} />
          ))}
        </Stack>
      ) : (
      <ScrollRegion labelledBy={`worklist-${section}`}>
        {/* Fixed column widths: the three parts line up as one list; 900 px fits beside the menu at 1,280. */}
        <Table size="small" aria-labelledby={`worklist-${section}`} sx={{ tableLayout: 'fixed', minWidth: 900 }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '16%' }}>{column('citizen')}</TableCell>
              <TableCell sx={{ width: '10%' }}>{column('programme')}</TableCell>
              <TableCell sx={{ width: '13%' }}>{column('timepoint')}</TableCell>
              <TableCell sx={{ width: '17%' }}>{column('due')}</TableCell>
              <TableCell sx={{ width: '8%' }}>{column('staff')}</TableCell>
              <TableCell sx={{ width: '15%' }}>{column('attempts')}</TableCell>
              <TableCell sx={{ width: 300 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {items.length === 0 && (
              <TableRow>
                <TableCell colSpan={7} sx={{ color: 'text.secondary' }}>
                  {translate('app.worklist.empty')}
                </TableCell>
              </TableRow>
            )}
            {items.map((item) => (
              <RecordContextProvider key={item.id} value={item}>
                <TableRow data-testid="worklist-row">
                  <TableCell>
                    <ReferenceField source="citizenId" reference="citizens" link="show" />
                  </TableCell>
                  <TableCell>
                    <ReferenceField source="programmeId" reference="programmes" link={false}>
                      <TextField source="code" />
                    </ReferenceField>
                  </TableCell>
                  <TableCell>{translate(`resources.assessments.timepoints.${item.timepoint}`)}</TableCell>
                  {/* The date stays on one line; the window under it may wrap rather than run into the next column. */}
                  <TableCell>
                    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                      {formatDate(item.dueDate, locale)}
                    </Box>
                    {item.windowStart && item.windowEnd && (
                      <Typography variant="caption" component="div" color="text.secondary">
                        {translate('app.worklist.window', { from: formatDate(item.windowStart, locale), to: formatDate(item.windowEnd, locale) })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{staff(item)}</TableCell>
                  <TableCell data-testid="worklist-attempts">
                    <Attempts item={item} />
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', '& a, & button': { whiteSpace: 'nowrap' } }}>
                      <Button size="small" startIcon={<PhoneIcon />} onClick={() => onLogAttempt(item)}>
                        {translate('app.worklist.log_attempt')}
                      </Button>
                      <LinkButton
                        to="/assessments/create"
                        state={{ record: { enrolmentId: item.enrolmentId, timepoint: item.timepoint } }}
                        label="app.worklist.record_asi"
                        icon={<AssessmentIcon />}
                        variant="outlined"
                      />
                    </Stack>
                  </TableCell>
                </TableRow>
              </RecordContextProvider>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      )}
    </Box>
  );
};
