import type { ExportProject } from '@outcomes/contracts';
import { useLocaleState } from 'react-admin';
import { formatDate } from '../common/dates';

/** "1. jan. 2025 – 31. dec. 2025": calendar dates, which no time zone may shift. */
export const PeriodText = ({ project }: { project: Pick<ExportProject, 'periodFrom' | 'periodTo'> }) => {
  const [locale] = useLocaleState();
  return (
    <>
      {formatDate(project.periodFrom, locale)} – {formatDate(project.periodTo, locale)}
    </>
  );
};
