import { Box, Button, Paper, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { ContactType, PlaceType, Programme } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Title, useCreate, useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import { nowLocalDateTime } from '../common/dates';
import type { QuickLog } from './choices';
import { contactTypeChoices, DURATION_PICKS, placeTypeChoices, toOutreachBody } from './choices';
import { CitizenPicker } from './CitizenPicker';
import { DanishDateTextField } from '../common/DanishDateField';

const BIG = { minHeight: 48, flex: '1 1 45%', textTransform: 'none', fontSize: '0.95rem' } as const;

const Group = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate(label)}
      </Typography>
      {children}
    </Box>
  );
};

/** The outreach quick-log: a few taps on a phone in the street. */
export const OutreachCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [create, { isPending }] = useCreate();
  const [form, setForm] = useState<QuickLog>({
    contactAt: nowLocalDateTime(),
    placeType: null,
    contactType: null,
    durationMinutes: 20,
    who: 'alias',
    citizenId: '',
    alias: '',
    referredProgrammeId: '',
  });
  const set = (patch: Partial<QuickLog>) => setForm((f) => ({ ...f, ...patch }));
  const programmes = useGetList<Programme>('programmes', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const ready =
    form.placeType !== null &&
    form.contactType !== null &&
    form.durationMinutes >= 1 &&
    form.durationMinutes <= 720 &&
    (form.who === 'citizen' ? form.citizenId.trim() !== '' : form.alias.trim() !== '') &&
    (form.contactType !== 'referral' || form.referredProgrammeId !== '');

  const save = () =>
    create(
      'outreach-contacts',
      { data: toOutreachBody(form) },
      {
        onSuccess: () => {
          notify('app.outreach.logged', { type: 'success' });
          redirect('list', 'outreach-contacts');
        },
        onError: (error) => notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
      },
    );

  return (
    <Paper sx={{ p: 2, pb: 0, mt: 1, maxWidth: 640 }} data-testid="outreach-quick-log">
      <Title title="app.outreach.quick_log" />
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {translate('app.outreach.quick_log')}
        </Typography>
        <Group label="resources.outreach-contacts.fields.placeType">
          <ToggleButtonGroup
            exclusive
            color="primary"
            value={form.placeType}
            onChange={(_e, value: PlaceType | null) => value && set({ placeType: value })}
            sx={{ flexWrap: 'wrap', gap: 1, '& .MuiToggleButton-root': { border: 1, borderColor: 'divider', borderRadius: 1 } }}
          >
            {placeTypeChoices.map((c) => (
              <ToggleButton key={c.id} value={c.id} sx={BIG}>
                {translate(c.name)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Group>
        <Group label="resources.outreach-contacts.fields.contactType">
          <ToggleButtonGroup
            exclusive
            color="primary"
            value={form.contactType}
            onChange={(_e, value: ContactType | null) => value && set({ contactType: value })}
            sx={{ flexWrap: 'wrap', gap: 1, '& .MuiToggleButton-root': { border: 1, borderColor: 'divider', borderRadius: 1 } }}
          >
            {contactTypeChoices.map((c) => (
              <ToggleButton key={c.id} value={c.id} sx={BIG}>
                {translate(c.name)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Group>
        {form.contactType === 'referral' && (
          <TextField
            select
            label={translate('resources.outreach-contacts.fields.referredProgrammeId')}
            value={form.referredProgrammeId}
            onChange={(event) => set({ referredProgrammeId: event.target.value })}
            slotProps={{ select: { native: true } }}
          >
            <option value="" />
            {(programmes.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </TextField>
        )}
        <Group label="resources.outreach-contacts.fields.durationMinutes">
          {/* The typed minutes go under the picks on a narrow phone rather than past the screen's edge. */}
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <ToggleButtonGroup
              exclusive
              color="primary"
              sx={{ flex: '1 1 220px' }}
              value={form.durationMinutes}
              onChange={(_e, value: number | null) => value && set({ durationMinutes: value })}
            >
              {DURATION_PICKS.map((m) => (
                <ToggleButton key={m} value={m} sx={{ minHeight: 48, flex: 1, minWidth: 0, px: 0.5, textTransform: 'none', whiteSpace: 'nowrap' }}>
                  {translate('resources.sessions.minutes', { smart_count: m })}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <TextField
              type="number"
              size="small"
              sx={{ flex: '0 0 88px', width: 88, minWidth: 0 }}
              label={translate('app.outreach.other_minutes')}
              value={form.durationMinutes}
              onChange={(event) => set({ durationMinutes: Number(event.target.value) })}
              slotProps={{ htmlInput: { min: 1, max: 720 } }}
            />
          </Stack>
        </Group>
        <Group label="app.outreach.who">
          <ToggleButtonGroup
            exclusive
            fullWidth
            color="primary"
            value={form.who}
            onChange={(_e, value: QuickLog['who'] | null) => value && set({ who: value })}
          >
            <ToggleButton value="alias" sx={{ minHeight: 48, textTransform: 'none' }}>
              {translate('app.outreach.anonymous_alias')}
            </ToggleButton>
            <ToggleButton value="citizen" sx={{ minHeight: 48, textTransform: 'none' }}>
              {translate('app.outreach.known_citizen')}
            </ToggleButton>
          </ToggleButtonGroup>
        </Group>
        {form.who === 'alias' ? (
          <TextField
            name="alias"
            label={translate('resources.outreach-contacts.fields.alias')}
            value={form.alias}
            onChange={(event) => set({ alias: event.target.value })}
            helperText={translate('app.outreach.alias_hint')}
            autoComplete="off"
          />
        ) : (
          <CitizenPicker citizenId={form.citizenId} onChange={(id) => set({ citizenId: id })} />
        )}
        <DanishDateTextField
          moment
          label={translate('resources.outreach-contacts.fields.contactAt')}
          value={form.contactAt}
          onChange={(contactAt) => set({ contactAt })}
        />
        {/* Stays at the bottom of the screen while the form scrolls: the thumb finds it without looking. */}
        <Box sx={{ position: 'sticky', bottom: 0, zIndex: 1, bgcolor: 'background.paper', py: 1, mx: -2, px: 2, borderTop: { xs: 1, sm: 0 }, borderColor: 'divider' }}>
          <Button variant="contained" size="large" fullWidth sx={{ minHeight: 52 }} disabled={!ready || isPending} onClick={() => void save()}>
            {translate('app.outreach.save')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
};
