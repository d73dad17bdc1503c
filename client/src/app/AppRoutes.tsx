import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from '../home/HomePage.js';
import { ListenerPage } from '../listener/ListenerPage.js';
import { AppLayout } from './AppLayout.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RoleRoute } from './RoleRoute.js';

// The other roles' pages in chunks of their own: the listener's console loads only its own code.
const TrainerPage = lazy(() => import('../trainer/TrainerPage.js').then((m) => ({ default: m.TrainerPage })));
const ObserverPage = lazy(() =>
  import('../observer/ObserverPage.js').then((m) => ({ default: m.ObserverPage })),
);
const CallerActorPage = lazy(() =>
  import('../callerActor/CallerActorPage.js').then((m) => ({ default: m.CallerActorPage })),
);
// After the call: the debrief and the trainers' sessions list, in chunks of their own too.
const DebriefPage = lazy(() => import('../debrief/DebriefPage.js').then((m) => ({ default: m.DebriefPage })));
const SessionsPage = lazy(() =>
  import('../sessions/SessionsPage.js').then((m) => ({ default: m.SessionsPage })),
);

/** Role paths match the server's role links: `/<role>/<sessionId>#k=<token>`. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route
          path="listener/:sessionId"
          element={
            <RoleRoute role="listener">
              <ListenerPage />
            </RoleRoute>
          }
        />
        <Route
          path="trainer/:sessionId"
          element={
            <RoleRoute role="trainer">
              <TrainerPage />
            </RoleRoute>
          }
        />
        <Route
          path="observer/:sessionId"
          element={
            <RoleRoute role="observer">
              <ObserverPage />
            </RoleRoute>
          }
        />
        <Route
          path="callerActor/:sessionId"
          element={
            <RoleRoute role="callerActor">
              <CallerActorPage />
            </RoleRoute>
          }
        />
        <Route path="debrief/:sessionId" element={<DebriefPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
