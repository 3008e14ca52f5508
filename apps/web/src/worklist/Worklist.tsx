import { MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { Centre, WorklistItem } from '@outcomes/contracts';
import { MAX_PAGE_SIZE } from '@outcomes/contracts';
import { useMemo, useState } from 'react';
import { Title, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { todayLocal } from '../common/dates';
import { AttemptDialog } from './AttemptDialog';
import { WorklistTable } from './WorklistTable';
import { PlanReviews } from '../treatment-plans/PlanReviews';
import { WORKLIST_SECTIONS, worklistSections } from './worklist-sections';
import { WorklistGuarantees } from '../case-requests/WorklistGuarantees';

type Scope = 'mine' | 'everyone';

/** The staff member's own citizens or the whole municipality's, optionally one centre's. */
const Filters = ({ scope, onScope, centreId, onCentre, municipalityId }: { scope: Scope; onScope: (s: Scope) => void; centreId: string; onCentre: (id: string) => void; municipalityId: string }) => {
  const translate = useTranslate();
  const { data: centres } = useGetList<Centre>('centres', { filter: { municipalityId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
      <ToggleButtonGroup exclusive size="small" value={scope} aria-label={translate('app.worklist.scope')} onChange={(_e, next: Scope | null) => next && onScope(next)}>
        <ToggleButton value="mine" sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}>
          {translate('app.worklist.mine')}
        </ToggleButton>
        <ToggleButton value="everyone" sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}>
          {translate('app.worklist.everyone')}
        </ToggleButton>
      </ToggleButtonGroup>
      <TextField select size="small" label={translate('app.worklist.centre')} value={centreId} onChange={(event) => onCentre(event.target.value)} sx={{ width: { sm: 300 } }}>
        <MenuItem value="">{translate('app.worklist.all_centres')}</MenuItem>
        {(centres ?? []).map((centre) => (
          <MenuItem key={centre.id} value={centre.id}>
            {centre.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};

/**
 * The staff member's home page: the assessments their citizens owe (intake, end, follow-ups), overdue
 * first, with the attempts to reach each citizen so far, so that follow-ups are chased and reported honestly.
 */
export const Worklist = () => {
  const translate = useTranslate();
  const identity = useGetIdentity().identity as Identity | undefined;
  const [scope, setScope] = useState<Scope>('mine');
  const [centreId, setCentreId] = useState('');
  const [logging, setLogging] = useState<WorklistItem | null>(null);
  const filter = { ...(scope === 'mine' && identity ? { staffUserId: identity.id } : {}), ...(centreId ? { centreId } : {}) };
  const { data, refetch } = useGetList<WorklistItem>(
    'worklist',
    { filter, pagination: { page: 1, perPage: MAX_PAGE_SIZE }, sort: { field: 'dueDate', order: 'ASC' } },
    { enabled: Boolean(identity) },
  );
  const sections = useMemo(() => worklistSections(data ?? [], todayLocal()), [data]);
  if (!identity || !data) return <Title title="app.worklist.title" />;
  return (
    <Stack sx={{ p: 2 }} data-testid="worklist">
      <Title title="app.worklist.title" />
      {/* The app bar's title is the page's h1 (one per page); this repeats it in the page. */}
      <Typography variant="h5" component="h2">
        {translate('app.worklist.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.worklist.intro')}
      </Typography>
      <WorklistGuarantees />
      <Filters scope={scope} onScope={setScope} centreId={centreId} onCentre={setCentreId} municipalityId={identity.municipalityId ?? ''} />
      {WORKLIST_SECTIONS.map((section) => (
        <WorklistTable key={section} section={section} items={sections[section]} myId={String(identity.id)} onLogAttempt={setLogging} />
      ))}
      <PlanReviews centreId={centreId} staffUserId={scope === 'mine' ? String(identity.id) : undefined} />
      {logging && (
        <AttemptDialog
          item={logging}
          onClose={() => setLogging(null)}
          onSaved={() => {
            setLogging(null);
            void refetch();
          }}
        />
      )}
    </Stack>
  );
};
