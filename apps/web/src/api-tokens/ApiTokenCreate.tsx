import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { tokenScopeChoices } from '@outcomes/contracts';
import type { CreatedApiToken, Role } from '@outcomes/contracts';
import { useState } from 'react';
import { CheckboxGroupInput, Create, maxLength, maxValue, minValue, NumberInput, required, SimpleForm, TextInput, useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import { DANISH_TEXT } from '../common/danish-text';

/** A scope entry as the user reads it: the resource's name and what may be done to it. */
const useScopeChoices = (role: Role | undefined) => {
  const translate = useTranslate();
  return (role ? tokenScopeChoices(role) : []).map((entry) => {
    const [resource, action] = entry.split(':') as [string, string];
    const fallback = translate(`app.api_tokens.resource_names.${resource}`, { _: resource });
    return { id: entry, name: `${translate(`resources.${resource}.name`, { smart_count: 2, _: fallback })}: ${translate(`app.api_tokens.actions.${action}`)} (${entry})` };
  });
};

/** The token, shown this once, with a copy button and the warning that it cannot be shown again. */
const ShownOnce = ({ created, onClose }: { created: CreatedApiToken; onClose: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open onClose={onClose} aria-labelledby="api-token-shown-title" maxWidth="md">
      <DialogTitle id="api-token-shown-title">{translate('app.api_tokens.shown_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>{translate('app.api_tokens.shown_warning')}</Alert>
        <Typography component="code" data-testid="api-token-secret" sx={{ display: 'block', p: 1, bgcolor: 'action.hover', wordBreak: 'break-all', fontFamily: 'monospace' }}>
          {created.token}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(created.token).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {translate(copied ? 'app.api_tokens.copied' : 'app.api_tokens.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>{translate('app.api_tokens.done')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** A new token: purpose, days to live (the municipality's limit, at most a year), scope from the user's own permissions. */
export const ApiTokenCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const choices = useScopeChoices(identity?.['role'] as Role | undefined);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <>
      <Create redirect={false} mutationOptions={{ onSuccess: (data: CreatedApiToken) => setCreated(data) }}>
        <SimpleForm defaultValues={{ expiresInDays: 90, scope: [] }} sx={{ maxWidth: 760 }}>
          <Alert severity="info" sx={{ mb: 2 }}>{translate('app.api_tokens.intro')}</Alert>
          <TextInput source="purpose" validate={[required(), maxLength(200)]} helperText="app.api_tokens.purpose_hint" slotProps={DANISH_TEXT} />
          <NumberInput source="expiresInDays" validate={[required(), minValue(1), maxValue(365)]} step={1} helperText="app.api_tokens.expires_hint" sx={{ maxWidth: 240 }} />
          <CheckboxGroupInput source="scope" choices={choices} row={false} validate={required()} helperText="app.api_tokens.scope_hint" />
        </SimpleForm>
      </Create>
      {created ? <ShownOnce created={created} onClose={() => { setCreated(null); redirect('list', 'api-tokens'); }} /> : null}
    </>
  );
};
