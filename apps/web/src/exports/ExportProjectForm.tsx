import type { Municipality } from '@outcomes/contracts';
import type { FieldValues } from 'react-hook-form';
import { SimpleForm, useDataProvider, useSaveContext, useTranslate } from 'react-admin';
import { ungrantedIds } from './export-jobs';
import { ExportProjectInputs } from './ExportProjectInputs';
import { exportProjectErrors } from './project-errors';

type SubmissionErrors = Record<string, string>;

/**
 * The API names a municipality not granted to the evaluator by its id (403, `municipalityIds`); the
 * field says it in the user's language, by name.
 */
const useNameUngranted = () => {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  return async (errors: SubmissionErrors): Promise<SubmissionErrors> => {
    const ids = ungrantedIds(errors['municipalityIds']);
    if (ids.length === 0) return errors;
    const { data } = await dataProvider.getMany<Municipality>('municipalities', { ids }).catch(() => ({ data: [] as Municipality[] }));
    const names = ids.map((id) => data.find((m) => m.id === id)?.name ?? id).join(', ');
    return { ...errors, municipalityIds: translate('app.exports.not_granted', { names }) };
  };
};

/** Create and edit save through react-admin's controller; only the refusals' wording is ours. */
export const ExportProjectForm = ({ defaultValues }: { defaultValues?: FieldValues }) => {
  const { save } = useSaveContext();
  const nameUngranted = useNameUngranted();
  const submit = async (values: FieldValues) => {
    const errors = (await save?.(values)) as SubmissionErrors | undefined;
    return errors ? nameUngranted(exportProjectErrors(errors)) : undefined;
  };
  return (
    <SimpleForm onSubmit={submit} defaultValues={defaultValues} sx={{ maxWidth: 800 }}>
      <ExportProjectInputs />
    </SimpleForm>
  );
};
