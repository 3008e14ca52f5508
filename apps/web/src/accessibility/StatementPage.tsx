import { Card, CardContent } from '@mui/material';
import { Title } from 'react-admin';
import { StatementContent } from './StatementContent';

/** The statement inside the app, for signed-in users (the user menu links here); its title is the app bar's <h1>. */
export const StatementPage = () => (
  <Card sx={{ mt: 1 }}>
    <Title title="app.accessibility.title" />
    <CardContent>
      <StatementContent />
    </CardContent>
  </Card>
);
