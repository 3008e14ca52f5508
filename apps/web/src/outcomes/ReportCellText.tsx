import { Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReportCell } from './report-cells';

/** One figure of the report; a hidden one says so (and why, on hover), never 0. */
export const ReportCellText = ({ cell }: { cell: ReportCell }) => {
  const translate = useTranslate();
  switch (cell.kind) {
    case 'value':
      return <span>{cell.text}</span>;
    case 'below-threshold':
      return (
        <Tooltip title={translate('app.outcomes.cells.below_threshold_hint')}>
          <Typography component="span" variant="inherit" color="text.secondary" data-testid="suppressed-cell" tabIndex={0}>
            {cell.text}
          </Typography>
        </Tooltip>
      );
    case 'suppressed':
      return (
        <Tooltip title={translate('app.outcomes.cells.suppressed_hint')}>
          <Typography component="span" variant="inherit" color="text.secondary" sx={{ fontStyle: 'italic' }} data-testid="suppressed-cell" tabIndex={0}>
            {translate('app.outcomes.cells.suppressed')}
          </Typography>
        </Tooltip>
      );
    case 'not-available':
      return (
        <Tooltip title={translate('app.outcomes.cells.not_available_hint')}>
          <Typography component="span" variant="inherit" color="text.secondary">
            –
          </Typography>
        </Tooltip>
      );
  }
};
