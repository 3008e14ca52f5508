import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { GuaranteeFigures } from '@outcomes/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { addDays } from '@outcomes/domain';
import { DanishDateTextField } from '../common/DanishDateField';
import { todayLocal } from '../common/dates';
import { guaranteeFigures } from './api';

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 1000) / 10} %`);

/**
 * The guarantee's figures for the requests of a period (GET /api/guarantee-figures): on the staff's
 * requests page and the management's own page. Counts and a median, never a citizen.
 */
export const GuaranteeFiguresPanel = () => {
  const translate = useTranslate();
  const t = (key: string, args?: Record<string, unknown>) => translate(`app.caseRequests.figures.${key}`, args);
  const [from, setFrom] = useState(addDays(todayLocal(), -90));
  const [to, setTo] = useState(todayLocal());
  const [figures, setFigures] = useState<GuaranteeFigures | null>(null);
  const [problem, setProblem] = useState<'period_error' | 'load_error' | null>(null);
  const show = useCallback((periodFrom: string, periodTo: string) => {
    if (!periodFrom || !periodTo || periodTo < periodFrom) {
      setFigures(null);
      setProblem('period_error');
      return;
    }
    guaranteeFigures(periodFrom, periodTo)
      .then((answer) => {
        setFigures(answer);
        setProblem(null);
      })
      .catch(() => {
        setFigures(null);
        setProblem('load_error');
      });
  }, []);
  // The last 90 days at once; another period on "Vis tal".
  useEffect(() => show(addDays(todayLocal(), -90), todayLocal()), [show]);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="guarantee-figures">
      <Typography variant="h6" component="h2" id="guarantee-figures-title">
        {t('title')}
      </Typography>
      <Stack direction="row" useFlexGap sx={{ my: 1, flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <DanishDateTextField label={t('from')} value={from} onChange={setFrom} fullWidth={false} sx={{ width: 200, maxWidth: '100%' }} />
        <DanishDateTextField label={t('to')} value={to} onChange={setTo} fullWidth={false} sx={{ width: 200, maxWidth: '100%' }} />
        <Button variant="outlined" onClick={() => show(from, to)}>
          {t('show')}
        </Button>
      </Stack>
      {problem && (
        <Alert severity="warning" sx={{ my: 1 }} data-testid="figures-problem">
          {t(problem)}
        </Alert>
      )}
      {figures && (
        <Box>
          <Table size="small" aria-labelledby="guarantee-figures-title">
            <TableBody>
              <TableRow>
                <TableCell component="th" scope="row">{t('share', { days: figures.guaranteeDays })}</TableCell>
                <TableCell data-testid="figures-share">{percent(figures.shareWithin)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">{t('median')}</TableCell>
                <TableCell data-testid="figures-median">{figures.medianDays ?? '—'}</TableCell>
              </TableRow>
              {(['requests', 'met', 'missed', 'overdue', 'running', 'waived'] as const).map((k) => (
                <TableRow key={k}>
                  <TableCell component="th" scope="row">{t(k)}</TableCell>
                  <TableCell data-testid={`figures-${k}`}>{figures[k]}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell component="th" scope="row">{t('anonymous')}</TableCell>
                <TableCell data-testid="figures-anonymous">{figures.anonymousLeftOut}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('explanation')}
          </Typography>
        </Box>
      )}
    </Paper>
  );
};
