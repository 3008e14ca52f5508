import { Admin, memoryStore, Resource } from 'react-admin';
import { centres } from './centres';
import { dataProvider } from './data/data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { AppLayout } from './layout/AppLayout';
import { municipalities } from './municipalities';
import { programmes } from './programmes';

// memoryStore: list filters and preferences stay out of localStorage (see STACK.md, trap 14).
const store = memoryStore();

export const App = () => (
  <Admin
    disableTelemetry
    store={store}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    layout={AppLayout}
  >
    <Resource name="municipalities" {...municipalities} />
    <Resource name="centres" {...centres} />
    <Resource name="programmes" {...programmes} />
  </Admin>
);
