import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { Alert } from '@mui/material';
import type { AccessLogVerification } from '@outcomes/contracts';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { apiErrorOf } from '../common/http-errors';
import type { AppDataProvider } from '../data/data-provider';

/** `busy`: refused for now (429: one verification per municipality at a time, a few per user a minute; decision 173). */
export type Verdict = AccessLogVerification | 'failed' | { busy: number } | undefined;

/** Asks the API to walk the whole hash chain, and hands the verdict up. */
export const VerifyLogButton = ({ onVerdict }: { onVerdict: (verdict: Verdict) => void }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    onVerdict(undefined);
    try {
      onVerdict(await dataProvider.verifyAccessLog());
    } catch (error) {
      const refused = apiErrorOf(error);
      onVerdict(refused.status === 429 ? { busy: refused.retryAfterSeconds ?? 10 } : 'failed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="app.access_log.verify" onClick={() => void verify()} disabled={busy}>
      <VerifiedIcon />
    </Button>
  );
};

export const VerdictAlert = ({ verdict }: { verdict: Verdict }) => {
  const translate = useTranslate();
  if (verdict === undefined) return null;
  if (verdict === 'failed') {
    return (
      <Alert severity="warning" role="status" sx={{ m: 1 }}>
        {translate('app.access_log.verify_failed')}
      </Alert>
    );
  }
  if ('busy' in verdict) {
    return (
      <Alert severity="info" role="status" sx={{ m: 1 }}>
        {translate('app.access_log.verify_busy', { seconds: verdict.busy })}
      </Alert>
    );
  }
  return verdict.ok ? (
    <Alert severity="success" role="status" sx={{ m: 1 }}>
      {translate('app.access_log.verify_ok', { smart_count: verdict.checked })}
    </Alert>
  ) : (
    <Alert severity="error" role="status" sx={{ m: 1 }}>
      {translate('app.access_log.verify_broken', { seq: verdict.firstBrokenSeq ?? '?', reason: verdict.reason ?? '' })}
    </Alert>
  );
};
