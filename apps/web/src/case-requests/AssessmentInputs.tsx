import { Typography } from '@mui/material';
import { ASSESSMENT_AREAS } from '@outcomes/contracts';
import { maxLength, TextInput, useTranslate } from 'react-admin';
import { DANISH_TEXT } from '../common/danish-text';
import { Section } from '../common/Section';

/** The assessment (afdækning): the six areas the rules name, each a Danish text box. */
export const AssessmentInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <Section title="app.caseRequests.assessment" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.caseRequests.assessment_hint')}
      </Typography>
      {ASSESSMENT_AREAS.map((area) => (
        <TextInput key={area} source={`assessment.${area}`} multiline minRows={2} fullWidth validate={maxLength(10000)} slotProps={DANISH_TEXT} helperText={false} />
      ))}
    </>
  );
};
