import ExportIcon from '@mui/icons-material/FileDownload';
import type { ExportProject } from '@outcomes/contracts';
import { ExportProjectCreate } from './ExportProjectCreate';
import { ExportProjectEdit } from './ExportProjectEdit';
import { ExportProjectList } from './ExportProjectList';
import { ExportProjectShow } from './ExportProjectShow';

export const exportProjects = {
  list: ExportProjectList,
  create: ExportProjectCreate,
  edit: ExportProjectEdit,
  show: ExportProjectShow,
  icon: ExportIcon,
  recordRepresentation: (record: ExportProject) => record.name,
};
