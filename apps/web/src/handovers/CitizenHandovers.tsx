import MoveIcon from '@mui/icons-material/MoveUp';
import { Box, Stack, Typography } from '@mui/material';
import type { Handover } from '@outcomes/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { LinkButton } from '../common/LinkButton';
import { fetchOutgoing } from './api';
import { HandoverCard } from './HandoverCards';

/** On the citizen's page: the citizen's hand-overs to other municipalities, and the way to make one. */
export const CitizenHandovers = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [handovers, setHandovers] = useState<Handover[] | null>(null);
  const load = useCallback(() => {
    fetchOutgoing({ citizenId }).then(setHandovers, () => setHandovers([]));
  }, [citizenId]);
  useEffect(load, [load]);
  return (
    <Box component="section" aria-labelledby="citizen-handovers-title" data-testid="citizen-handovers" sx={{ mb: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" id="citizen-handovers-title">
          {translate('app.handovers.citizen_handovers')}
        </Typography>
        <LinkButton to="/handovers/create" state={{ record: { citizenId } }} label="app.handovers.new" icon={<MoveIcon />} variant="outlined" />
      </Stack>
      {handovers && handovers.length > 0 && (
        <Stack spacing={1} sx={{ mt: 1 }}>
          {handovers.map((h) => (
            <HandoverCard
              key={h.id}
              handover={h}
              onChanged={(message) => {
                notify(message, { type: 'success' });
                load();
              }}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
};
