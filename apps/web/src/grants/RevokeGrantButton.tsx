import type { EvaluatorGrant } from '@outcomes/contracts';
import { DeleteWithConfirmButton, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';

/**
 * Revoking is the grant's DELETE: the API keeps the grant as revoked. Shown to the data owner's
 * admin only, while the grant still gives access or is about to.
 */
export const RevokeGrantButton = () => {
  const grant = useRecordContext<EvaluatorGrant>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!grant || identity?.['role'] !== 'admin' || identity['municipalityId'] !== grant.municipalityId) return null;
  if (grant.status !== 'active' && grant.status !== 'future') return null;
  return (
    <DeleteWithConfirmButton
      label="app.grants.revoke"
      confirmTitle={translate('app.grants.revoke_title', { email: grant.evaluatorEmail })}
      confirmContent="app.grants.revoke_content"
      mutationMode="pessimistic"
      redirect={false}
      successMessage="app.grants.revoked"
      onClick={(event) => event.stopPropagation()}
    />
  );
};
