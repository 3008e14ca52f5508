import CodeIcon from '@mui/icons-material/Code';
import { Button, Stack, Typography } from '@mui/material';
import { EXPORT_LABEL_LANGUAGES, EXPORT_SYNTAX_FORMATS } from '@outcomes/contracts';
import type { ExportJob } from '@outcomes/contracts';
import { useTranslate } from 'react-admin';
import { hasSyntaxFiles, syntaxUrl } from './export-jobs';

/**
 * Beside a finished CSV: R, Stata and SPSS syntax files that read it with the codebook's types,
 * variable labels and value labels, in Danish or in English (as REDCap offers). Plain links like
 * the download: the API names the file and logs the download.
 */
export const SyntaxDownloads = ({ job, compact = false }: { job: ExportJob; compact?: boolean }) => {
  const translate = useTranslate();
  if (!hasSyntaxFiles(job)) return null;
  return (
    <Stack spacing={compact ? 0 : 0.5} sx={{ mt: compact ? 0.5 : 1.5, alignItems: compact ? 'flex-end' : 'stretch' }} data-testid="export-syntax">
      {!compact && (
        <Typography variant="caption" color="text.secondary">
          {translate('app.exports.syntax.title')}
        </Typography>
      )}
      {EXPORT_LABEL_LANGUAGES.map((lang) => (
        <Stack key={lang} direction="row" spacing={compact ? 0 : 1} useFlexGap sx={{ alignItems: 'center', flexWrap: compact ? 'nowrap' : 'wrap', whiteSpace: 'nowrap' }}>
          <Typography variant={compact ? 'caption' : 'body2'} component="span" sx={{ minWidth: compact ? undefined : '9.5rem', mr: compact ? 0.5 : 0 }}>
            {translate(`app.exports.syntax.${compact ? 'short' : 'labels'}_${lang}`)}
          </Typography>
          {EXPORT_SYNTAX_FORMATS.map((format) => {
            const program = translate(`app.exports.syntax.programs.${format}`);
            return (
              <Button
                key={format}
                component="a"
                href={syntaxUrl(job, format, lang)}
                download
                size="small"
                variant="text"
                startIcon={compact ? undefined : <CodeIcon />}
                // Program names as they are spelt (Stata is no acronym); tight in the history's cell.
                sx={{ textTransform: 'none', ...(compact ? { minWidth: 0, px: 0.75, py: 0 } : {}) }}
                aria-label={translate('app.exports.syntax.aria', { program, labels: translate(`app.exports.syntax.labels_lower_${lang}`) })}
                data-testid={`export-syntax-${format}-${lang}`}
              >
                {program}
              </Button>
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
};
