import { Box, Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { scoreAsi } from '@outcomes/domain';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useLocaleState, useTranslate } from 'react-admin';
import type { FormItems } from './assessment-form';
import { toAnswers } from './assessment-form';
import { formatScore } from './scores';

/**
 * The seven composites and drug-free status of what is filled in so far, computed by scoreAsi, the
 * function the API stores the scores with: what the preview shows is what will be saved.
 */
export const CompositePreview = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const items = useWatch({ name: 'items' }) as FormItems | undefined;
  const score = useMemo(() => scoreAsi(toAnswers(items)), [items]);
  const missing = (codes: string[]) => translate('resources.assessments.preview.missing', { items: codes.join(', ') });
  const drugFree = score.drugFree.value;
  return (
    <Paper variant="outlined" component="aside" aria-labelledby="asi-preview-title" sx={{ p: 2 }} data-testid="composite-preview">
      <Typography id="asi-preview-title" variant="h6" component="h2">
        {translate('resources.assessments.preview.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate('resources.assessments.preview.hint')}
      </Typography>
      <Table size="small" aria-live="polite">
        <TableBody>
          {COMPOSITE_DOMAINS.map((domain) => {
            const composite = score.composites[domain];
            return (
              <TableRow key={domain} data-testid={`composite-${domain}`}>
                <TableCell sx={{ pl: 0 }}>
                  {translate(`resources.assessments.domains.${domain}`)}
                  {composite.value === null && (
                    <Typography variant="caption" color="text.secondary" component="div" sx={{ wordBreak: 'break-word' }}>
                      {missing(composite.missing)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ pr: 0, fontVariantNumeric: 'tabular-nums', fontWeight: 500, verticalAlign: 'top' }} data-testid="composite-value">
                  {formatScore(composite.value, locale)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Box sx={{ mt: 1.5 }} data-testid="drug-free-preview">
        <Typography variant="body2" component="div" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
          <span>{translate('resources.assessments.preview.drug_free')}</span>
          <strong data-testid="drug-free-value">{drugFree === null ? '—' : translate(drugFree ? 'resources.assessments.answers.yes' : 'resources.assessments.answers.no')}</strong>
        </Typography>
        {drugFree === null && (
          <Typography variant="caption" color="text.secondary" component="div">
            {missing(score.drugFree.missing)}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('resources.assessments.preview.drug_free_hint')}
        </Typography>
      </Box>
    </Paper>
  );
};
