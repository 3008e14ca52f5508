import type { ExportProject } from '@outcomes/contracts';
import { Edit } from 'react-admin';
import { ExportProjectForm } from './ExportProjectForm';

/** Only what PUT /api/export-projects/:id takes: the evaluator a project belongs to never changes. */
const toUpdateBody = ({ name, purpose, municipalityIds, programmeIds, periodFrom, periodTo, k, version }: ExportProject) => ({
  name,
  purpose,
  municipalityIds,
  programmeIds,
  periodFrom,
  periodTo,
  k,
  version,
});

export const ExportProjectEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toUpdateBody}>
    <ExportProjectForm />
  </Edit>
);
