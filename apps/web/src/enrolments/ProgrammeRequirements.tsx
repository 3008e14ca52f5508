import type { Programme } from '@outcomes/contracts';
import { useWatch } from 'react-hook-form';
import { CheckboxGroupInput, useGetOne } from 'react-admin';
import { attestationChoices } from './states';

/** The attestations the chosen programme requires (SMART Recovery), to confirm at referral. */
export const AttestationsInput = () => {
  const programmeId = useWatch({ name: 'programmeId' }) as string | undefined;
  const { data: programme } = useGetOne<Programme>('programmes', { id: programmeId ?? '' }, { enabled: Boolean(programmeId) });
  const required = programme?.requiredAttestations ?? [];
  if (required.length === 0) return null;
  return (
    <CheckboxGroupInput
      source="attestations"
      choices={attestationChoices.filter((choice) => required.includes(choice.id))}
      row={false}
      helperText="resources.enrolments.attestations_hint"
    />
  );
};
