import type { ResourceName, Role } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import type { ResourceProps } from 'react-admin';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, memoryStore, Resource } from 'react-admin';
import { IN_APP_STATEMENT_PATH, NotFoundPage, PUBLIC_STATEMENT_PATH, PublicStatementPage, StatementPage } from './accessibility';
import { accessLog } from './access-log';
import { assessments } from './assessments';
import { authProvider, visibleResources } from './auth/auth-provider';
import { LoginPage } from './auth/LoginPage';
import { centres } from './centres';
import { citizens } from './citizens';
import { dataProvider } from './data/data-provider';
import { enrolments } from './enrolments';
import { coordinatorDashboard } from './coordinator-dashboard';
import { exportProjects } from './exports';
import { evaluatorGrants } from './grants';
import { groupMeetings, groups } from './groups';
import { i18nProvider } from './i18n/i18n-provider';
import { AppName } from './layout/AppBar';
import { AppLayout } from './layout/AppLayout';
import { inMenuOrder } from './layout/role-home';
import { municipalities } from './municipalities';
import { organisations } from './organisations';
import { outcomes } from './outcomes';
import { outreachContacts } from './outreach';
import { programmes } from './programmes';
import { darkTheme, LocalisedTheme, lightTheme } from './theme';
import { sessions } from './sessions';
import { caseRequests, guaranteeFiguresScreen } from './case-requests';
import { register } from './register';
import { referrals } from './referrals';
import { retention } from './retention';
import { citizenAccessReports } from './citizen-access-reports';
import { emergencyAccesses } from './emergency-access';
import { apiTokens } from './api-tokens';
import { imports } from './imports';
import { treatmentProviders } from './treatment-providers';
import { handovers } from './handovers';
import { trainings } from './trainings';
import { users } from './users';
import { HomePage } from './worklist/HomePage';
import { volunteers } from './volunteers';

// memoryStore: list filters and preferences stay out of localStorage (see docs/stack-traps.md, trap 3).
const store = memoryStore();

/** The resources this app has screens for; others in the permissions table wait for theirs. */
const SCREENS: Partial<Record<ResourceName, Omit<ResourceProps, 'name'>>> = {
  municipalities,
  centres,
  programmes,
  users,
  'evaluator-grants': evaluatorGrants,
  'access-log': accessLog,
  citizens,
  enrolments,
  sessions,
  'case-requests': caseRequests,
  'guarantee-figures': guaranteeFiguresScreen,
  groups,
  'group-meetings': groupMeetings,
  'outreach-contacts': outreachContacts,
  assessments,
  organisations,
  volunteers,
  trainings,
  'coordinator-dashboard': coordinatorDashboard,
  outcomes,
  'export-projects': exportProjects,
  register,
  referrals,
  retention,
  'citizen-access-reports': citizenAccessReports,
  'emergency-accesses': emergencyAccesses,
  'treatment-providers': treatmentProviders,
  handovers,
  'api-tokens': apiTokens,
  imports,
};

/** The menu follows the permissions table (a role sees the resources it may list), ordered by what the role does most. */
const resourcesFor = (role: Role | undefined) =>
  role
    ? inMenuOrder(role, visibleResources(role)).flatMap((name) => {
        const screens = SCREENS[name];
        return screens ? [<Resource key={name} name={name} {...screens} />] : [];
      })
    : null;

/** The app's layout, with MUI's own texts in the chosen language (theme/LocalisedTheme.tsx). */
const LocalisedLayout = ({ children }: { children: ReactNode }) => (
  <LocalisedTheme>
    <AppLayout>{children}</AppLayout>
  </LocalisedTheme>
);

export const App = () => (
  <Admin
    disableTelemetry
    title={<AppName />}
    requireAuth
    store={store}
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={LocalisedLayout}
    theme={lightTheme}
    darkTheme={darkTheme}
    dashboard={HomePage}
    catchAll={NotFoundPage}
  >
    {/*
      The accessibility statement: without the layout, react-admin renders a custom route even to a
      signed-out visitor (CoreAdminRoutes, despite requireAuth), so the sign-in page can link to it;
      inside the layout for the user menu. Both sit outside the function child, so they exist before
      the permissions are known.
    */}
    <CustomRoutes noLayout>
      <Route path={PUBLIC_STATEMENT_PATH} element={<PublicStatementPage />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path={IN_APP_STATEMENT_PATH} element={<StatementPage />} />
    </CustomRoutes>
    {resourcesFor}
  </Admin>
);
