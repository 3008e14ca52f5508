import DownloadIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { DECISION_OUTCOMES, DEFAULT_COMPLAINT_GUIDANCE, DEFAULT_LEGAL_BASIS } from '@outcomes/contracts';
import type { CaseDecision } from '@outcomes/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ReferenceField, ReferenceInput, required, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { DANISH_TEXT } from '../common/danish-text';
import { DanishDateInput } from '../common/DanishDateInput';
import { formatDate, todayLocal } from '../common/dates';
import { fieldErrorsOf } from '../volunteers/rule-messages';
import { emptyToNull, kindChoices } from '../treatment-providers/ProviderInputs';
import { createDecision, decisionPdfUrl, listDecisions } from './api';

const OUTCOME_CHOICES = DECISION_OUTCOMES.map((id) => ({ id, name: `app.caseRequests.decisions.outcomes.${id}` }));
const label = (key: string): string => `app.caseRequests.decisions.${key}`;

const DecisionCard = ({ requestId, decision, current }: { requestId: string; decision: CaseDecision; current: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="decision">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {translate(`app.caseRequests.decisions.outcomes.${decision.outcome}`)} · {formatDate(decision.decidedOn, locale)}
        </Typography>
        <Chip size="small" variant="outlined" label={translate(label(current ? 'current' : 'earlier'))} />
        {decision.supersedesId && (
          <Typography variant="body2" color="text.secondary">
            {translate(label('replaces'))}
          </Typography>
        )}
      </Stack>
      {(decision.programmeId || decision.centreId) && (
        <Typography variant="body2">
          {decision.programmeId && <ReferenceField record={decision} source="programmeId" reference="programmes" link={false} />}
          {decision.programmeId && decision.centreId && ' · '}
          {decision.centreId && <ReferenceField record={decision} source="centreId" reference="centres" link={false} />}
        </Typography>
      )}
      {decision.treatmentKind && <Typography variant="body2">{translate(`resources.treatment-providers.kinds.${decision.treatmentKind}`)}</Typography>}
      <Typography variant="body2" lang="da" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
        {decision.reasons}
      </Typography>
      <Button component="a" href={decisionPdfUrl(requestId, decision.id)} download size="small" startIcon={<DownloadIcon />} sx={{ mt: 1 }} data-testid="decision-pdf">
        {translate(label('pdf'))}
      </Button>
    </Paper>
  );
};

/**
 * The written decisions on a request, newest first, each downloadable as the Danish letter; a new
 * one replaces the latest but never overwrites it. Legal basis and complaint guidance come filled in.
 */
export const Decisions = ({ requestId }: { requestId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [decisions, setDecisions] = useState<CaseDecision[] | null>(null);
  const [formKey, setFormKey] = useState(0);
  const load = useCallback(() => {
    listDecisions(requestId)
      .then(setDecisions)
      .catch(() => setDecisions([]));
  }, [requestId]);
  useEffect(load, [load]);
  const save = async (values: Record<string, unknown>) => {
    try {
      await createDecision(requestId, {
        decidedOn: values['decidedOn'],
        outcome: values['outcome'],
        programmeId: values['programmeId'] || null,
        centreId: values['centreId'] || null,
        reasons: values['reasons'] ?? '',
        legalBasis: values['legalBasis'] ?? '',
        complaintGuidance: values['complaintGuidance'] ?? '',
        treatmentKind: values['treatmentKind'] || null,
      });
      notify(label('saved'), { type: 'info' });
      setFormKey((k) => k + 1);
      load();
      return undefined;
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return errors;
    }
  };
  return (
    <Box sx={{ mt: 3 }} data-testid="decisions">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate(label('title'))}
      </Typography>
      {decisions !== null && decisions.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate(label('none'))}
        </Typography>
      )}
      <Stack spacing={1}>
        {decisions?.map((d, i) => <DecisionCard key={d.id} requestId={requestId} decision={d} current={i === 0} />)}
      </Stack>
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {translate(label('new'))}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(label('new_hint'))}
      </Typography>
      <SimpleForm
        key={formKey}
        resource="case-requests"
        record={{ id: `decision-${formKey}` }}
        onSubmit={save}
        defaultValues={{ decidedOn: todayLocal(), outcome: 'granted', programmeId: '', centreId: '', reasons: '', legalBasis: DEFAULT_LEGAL_BASIS, complaintGuidance: DEFAULT_COMPLAINT_GUIDANCE, treatmentKind: null }}
        toolbar={
          <Toolbar>
            <SaveButton label={label('save')} alwaysEnable />
          </Toolbar>
        }
        sx={{ maxWidth: 800, px: 0 }}
      >
        <DanishDateInput source="decidedOn" label={label('decidedOn')} validate={required()} />
        <SelectInput source="outcome" label={label('outcome')} choices={OUTCOME_CHOICES} validate={required()} />
        <ReferenceInput source="programmeId" reference="programmes" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <SelectInput label={label('programmeId')} emptyText="—" helperText={false} />
        </ReferenceInput>
        <ReferenceInput source="centreId" reference="centres" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <SelectInput label={label('centreId')} emptyText="—" helperText={false} />
        </ReferenceInput>
        <SelectInput source="treatmentKind" label="resources.treatment-providers.fields.kind" choices={kindChoices} emptyText="—" parse={emptyToNull} helperText="app.centres.kind_hint" />
        <TextInput source="reasons" label={label('reasons')} multiline minRows={3} fullWidth validate={required()} slotProps={DANISH_TEXT} />
        <TextInput source="legalBasis" label={label('legalBasis')} multiline fullWidth validate={required()} slotProps={DANISH_TEXT} />
        <TextInput source="complaintGuidance" label={label('complaintGuidance')} multiline minRows={3} fullWidth validate={required()} slotProps={DANISH_TEXT} />
      </SimpleForm>
    </Box>
  );
};
