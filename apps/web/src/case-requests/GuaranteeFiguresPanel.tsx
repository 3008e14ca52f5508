import { Box, Button, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { GuaranteeFigures } from '@outcomes/contracts';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { addDays } from '@outcomes/domain';
import { DanishDateTextField } from '../common/DanishDateField';
import { todayLocal } from '../common/dates';
import { guaranteeFigures } from './api';

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 1000) / 10} %`);

/** The guarantee's figures for the requests of a period: the management's view of the 14 days. */
export const GuaranteeFiguresPanel = () => {
  const translate = useTranslate();
  const t = (key: string, args?: Record<string, unknown>) => translate(`app.caseRequests.figures.${key}`, args);
  const [from, setFrom] = useState(addDays(todayLocal(), -90));
  const [to, setTo] = useState(todayLocal());
  const [figures, setFigures] = useState<GuaranteeFigures | null>(null);
  const show = () => {
    guaranteeFigures(from, to)
      .then(setFigures)
      .catch(() => setFigures(null));
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="guarantee-figures">
      <Typography variant="h6" component="h2">
        {t('title')}
      </Typography>
      <Stack direction="row" useFlexGap sx={{ my: 1, flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <DanishDateTextField label={t('from')} value={from} onChange={setFrom} fullWidth={false} sx={{ width: 200 }} />
        <DanishDateTextField label={t('to')} value={to} onChange={setTo} fullWidth={false} sx={{ width: 200 }} />
        <Button variant="outlined" onClick={show}>
          {t('show')}
        </Button>
      </Stack>
      {figures && (
        <Box>
          <Table size="small" aria-label={t('title')}>
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
                  <TableCell>{figures[k]}</TableCell>
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
