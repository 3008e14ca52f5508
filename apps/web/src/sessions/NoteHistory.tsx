import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { NoteHistory as History, NoteVersion, TreatmentSession } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import type { AppDataProvider } from '../data/data-provider';

const KIND_COLOURS = { original: 'default', correction: 'warning', typo: 'info' } as const;

const Version = ({ version }: { version: NoteVersion }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Paper variant="outlined" component="li" data-testid={`note-version-${version.kind}`} sx={{ p: 1.5, listStyle: 'none' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
        <Chip size="small" variant="outlined" color={KIND_COLOURS[version.kind]} label={translate(`resources.sessions.notes.kinds.${version.kind}`)} />
        <Typography variant="body2" color="text.secondary" component="span">
          {translate('resources.sessions.notes.written', { name: version.writtenByName, at: formatDateTime(version.writtenAt, locale) })}
        </Typography>
      </Stack>
      {version.reason && (
        <Typography variant="body2" component="p" sx={{ mb: 0.5 }}>
          <strong>{translate('resources.sessions.notes.reason')}:</strong> <span lang="da">{version.reason}</span>
        </Typography>
      )}
      <Typography variant="body1" component="p" lang="da" sx={{ whiteSpace: 'pre-wrap', color: version.text === null ? 'text.secondary' : undefined }}>
        {version.text ?? translate('resources.sessions.notes.empty')}
      </Typography>
    </Paper>
  );
};

/**
 * The note's every version, oldest first: the original stays visible after a correction, with who
 * changed it, when and why (offentlighedsloven § 13; docs/domain.md).
 */
export const NoteHistory = () => {
  const session = useRecordContext<TreatmentSession>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [history, setHistory] = useState<History>();
  const id = session?.id;
  const version = session?.version;
  useEffect(() => {
    if (!id) return;
    let live = true;
    void dataProvider.sessionNoteHistory(String(id)).then((answer) => live && setHistory(answer));
    return () => {
      live = false;
    };
  }, [dataProvider, id, version]);
  if (!history || history.versions.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="note-history-heading" data-testid="note-history" sx={{ mt: 3, maxWidth: 800 }}>
      <Typography id="note-history-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('resources.sessions.notes.history')}
      </Typography>
      <Stack component="ol" spacing={1} sx={{ p: 0, m: 0 }}>
        {history.versions.map((v) => (
          <Version key={v.id} version={v} />
        ))}
      </Stack>
    </Box>
  );
};
