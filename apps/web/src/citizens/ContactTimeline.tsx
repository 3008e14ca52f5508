import GroupIcon from '@mui/icons-material/Groups';
import OutreachIcon from '@mui/icons-material/DirectionsWalk';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { TimelineEvent } from '@outcomes/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import type { AppDataProvider } from '../data/data-provider';

type ContactEvent = Extract<TimelineEvent, { kind: 'group-meeting' | 'outreach-contact' }>;

const isContact = (event: TimelineEvent): event is ContactEvent => event.kind === 'group-meeting' || event.kind === 'outreach-contact';

/** Group meetings and outreach contacts from GET /api/citizens/:id/timeline, newest first. */
export const ContactTimeline = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  // The data provider is not a stable reference: keep the request to one per citizen.
  const provider = useRef(dataProvider);
  provider.current = dataProvider;
  const [events, setEvents] = useState<ContactEvent[] | null>(null);
  useEffect(() => {
    let live = true;
    provider.current
      .citizenTimeline(citizenId)
      .then((all) => live && setEvents(all.filter(isContact)))
      .catch(() => live && setEvents([]));
    return () => {
      live = false;
    };
  }, [citizenId]);
  if (events === null) return null;
  return (
    <Box data-testid="contact-timeline" sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.citizens.contacts_timeline')}
      </Typography>
      {events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.citizens.contacts_timeline_empty')}
        </Typography>
      ) : (
        <Stack spacing={1}>
          {events.map((event) => (
            <Paper
              key={`${event.kind}-${event.id}`}
              variant="outlined"
              data-testid={`timeline-${event.kind}`}
              sx={{ p: 1.5, display: 'flex', gap: 1.5, alignItems: 'flex-start' }}
            >
              <Box sx={{ color: 'text.secondary', pt: 0.25 }}>{event.kind === 'group-meeting' ? <GroupIcon /> : <OutreachIcon />}</Box>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                {event.kind === 'group-meeting' ? (
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Link to={`/groups/${event.groupId}/show`} variant="subtitle1" underline="hover">
                      {event.groupName}
                      {event.number !== null && ` · ${translate('app.groups.meeting_number', { number: event.number })}`}
                    </Link>
                    <Chip size="small" variant="outlined" label={translate(`app.groups.statuses.${event.attendance}`)} />
                  </Stack>
                ) : (
                  <Typography variant="subtitle1">
                    {translate('app.citizens.outreach_contact')}:{' '}
                    {translate(`resources.outreach-contacts.contact_types.${event.contactType}`, { _: event.contactType })}
                  </Typography>
                )}
                <Typography variant="body2" color="text.secondary">
                  {[
                    formatDateTime(event.at, locale),
                    translate('resources.sessions.minutes', { smart_count: event.durationMinutes }),
                    event.kind === 'outreach-contact'
                      ? translate(`resources.outreach-contacts.place_types.${event.placeType}`, { _: event.placeType })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
              </Box>
            </Paper>
          ))}
        </Stack>
      )}
    </Box>
  );
};
