import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A heading inside a form or a page. */
export const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};
