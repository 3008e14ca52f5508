import { Alert, Chip } from '@mui/material';
import type { ApiToken } from '@outcomes/contracts';
import { DataTable, DeleteWithConfirmButton, List, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { TableRegion } from '../common/TableRegion';

/** Active, expired or ended (and why): what a token is now. */
const TokenState = () => {
  const token = useRecordContext<ApiToken>();
  const translate = useTranslate();
  if (!token) return null;
  const state = token.endReason ?? (Date.parse(token.expiresAt) <= Date.now() ? 'expired' : 'active');
  return <Chip size="small" color={state === 'active' ? 'success' : 'default'} label={translate(`app.api_tokens.state.${state}`)} />;
};

/** Revoking is the token's DELETE: the API keeps it as revoked, for the access log. */
const RevokeButton = () => {
  const token = useRecordContext<ApiToken>();
  const translate = useTranslate();
  if (!token || token.revokedAt || Date.parse(token.expiresAt) <= Date.now()) return null;
  return (
    <DeleteWithConfirmButton
      label="app.api_tokens.revoke"
      confirmTitle={translate('app.api_tokens.revoke_title', { purpose: token.purpose })}
      confirmContent="app.api_tokens.revoke_content"
      mutationMode="pessimistic"
      redirect={false}
      successMessage="app.api_tokens.revoked"
    />
  );
};

const Intro = () => {
  const translate = useTranslate();
  return <Alert severity="info" sx={{ mb: 1 }}>{translate('app.api_tokens.intro')}</Alert>;
};

/** The user's own tokens; an admin also sees (and may revoke) their municipality's users' tokens. */
export const ApiTokenList = () => (
  <>
    <Intro />
    <List exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
      <TableRegion>
        <DataTable<ApiToken> bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="purpose" />
          <DataTable.Col source="userDisplayName" disableSort />
          <DataTable.Col source="prefix" disableSort />
          <DataTable.Col source="createdAt" field={DateTimeField} />
          <DataTable.Col source="expiresAt" field={DateTimeField} />
          <DataTable.Col source="lastUsedAt" field={DateTimeField} />
          <DataTable.Col source="state" disableSort>
            <TokenState />
          </DataTable.Col>
          <DataTable.Col label="" disableSort>
            <RevokeButton />
          </DataTable.Col>
        </DataTable>
      </TableRegion>
    </List>
  </>
);
