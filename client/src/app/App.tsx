import { BrowserRouter } from 'react-router';
import { I18nProvider } from '../i18n/index.js';
import { AppRoutes } from './AppRoutes.js';

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </I18nProvider>
  );
}
