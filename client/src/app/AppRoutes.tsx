import { Route, Routes } from 'react-router';
import { HomePage } from '../home/HomePage.js';
import { ListenerPage } from '../listener/ListenerPage.js';
import { ObserverPage } from '../observer/ObserverPage.js';
import { TrainerPage } from '../trainer/TrainerPage.js';
import { AppLayout } from './AppLayout.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RoleRoute } from './RoleRoute.js';

/** Role paths match the server's role links: `/<role>/<sessionId>#k=<token>`. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route
          path="listener/:sessionId"
          element={
            <RoleRoute>
              <ListenerPage />
            </RoleRoute>
          }
        />
        <Route
          path="trainer/:sessionId"
          element={
            <RoleRoute>
              <TrainerPage />
            </RoleRoute>
          }
        />
        <Route
          path="observer/:sessionId"
          element={
            <RoleRoute>
              <ObserverPage />
            </RoleRoute>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
