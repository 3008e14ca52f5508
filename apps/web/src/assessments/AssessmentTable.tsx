import EditIcon from '@mui/icons-material/Edit';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Assessment } from '@outcomes/contracts';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { LinkButton } from '../common/LinkButton';
import { formatScore } from './scores';

/** Interviews with their seven composites and drug-free status; also the chart's text alternative. */
export const AssessmentTable = ({ assessments, caption }: { assessments: readonly Assessment[]; caption?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const field = (name: string) => translate(`resources.assessments.fields.${name}`);
  return (
    <Table size="small" data-testid="assessment-table" sx={{ '& td, & th': { px: 1 } }}>
      {caption && <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{translate(caption)}</caption>}
      <TableHead>
        <TableRow>
          <TableCell>{field('date')}</TableCell>
          <TableCell>{field('timepoint')}</TableCell>
          {COMPOSITE_DOMAINS.map((domain) => (
            <TableCell key={domain} align="right">
              {translate(`resources.assessments.domains.${domain}`)}
            </TableCell>
          ))}
          <TableCell>{field('drugFree')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {assessments.map((a) => (
          <TableRow key={a.id} data-testid="assessment-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(a.date, locale)}</TableCell>
            <TableCell>{translate(`resources.assessments.timepoints.${a.timepoint}`)}</TableCell>
            {COMPOSITE_DOMAINS.map((domain) => (
              <TableCell key={domain} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatScore(a.composites[domain], locale)}
              </TableCell>
            ))}
            <TableCell>
              {a.drugFree === null ? '—' : translate(a.drugFree ? 'resources.assessments.answers.yes' : 'resources.assessments.answers.no')}
              {a.drugFree === null && a.drugFreeMissing.length > 0 && (
                <Typography variant="caption" color="text.secondary" component="div" data-testid="drug-free-missing">
                  {translate('resources.assessments.preview.missing', { items: a.drugFreeMissing.join(', ') })}
                </Typography>
              )}
            </TableCell>
            <TableCell padding="none">
              <LinkButton to={`/assessments/${a.id}`} label="ra.action.edit" icon={<EditIcon />} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
