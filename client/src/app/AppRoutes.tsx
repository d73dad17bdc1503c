import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AccountHome } from '../account/AccountHome.js';
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
// Accounts (issue 11): sign-in, first boot, invitations, reset, organisation, privacy, sharing.
const account = {
  SignIn: lazy(() => import('../account/SignInPage.js').then((m) => ({ default: m.SignInPage }))),
  Setup: lazy(() => import('../account/SetupPage.js').then((m) => ({ default: m.SetupPage }))),
  Invitation: lazy(() => import('../account/InvitationPage.js').then((m) => ({ default: m.InvitationPage }))),
  Reset: lazy(() =>
    import('../account/ResetPasswordPage.js').then((m) => ({ default: m.ResetPasswordPage })),
  ),
  Organization: lazy(() =>
    import('../account/OrganizationPage.js').then((m) => ({ default: m.OrganizationPage })),
  ),
  Privacy: lazy(() => import('../account/PrivacyPage.js').then((m) => ({ default: m.PrivacyPage }))),
  Accessibility: lazy(() =>
    import('../accessibility/AccessibilityStatementPage.js').then((m) => ({
      default: m.AccessibilityStatementPage,
    })),
  ),
  Share: lazy(() => import('../account/SessionSharePage.js').then((m) => ({ default: m.SessionSharePage }))),
};
// Open Badges (issue 16): the organisation's badges, the public verification of one badge.
const BadgesPage = lazy(() => import('../badges/BadgesPage.js').then((m) => ({ default: m.BadgesPage })));
const BadgeVerifyPage = lazy(() =>
  import('../badges/BadgeVerifyPage.js').then((m) => ({ default: m.BadgeVerifyPage })),
);
const SessionsPage = lazy(() =>
  import('../sessions/SessionsPage.js').then((m) => ({ default: m.SessionsPage })),
);

// The classroom (issue 14): the trainer's classes and floor, a learner's join page.
const classroom = {
  Classes: lazy(() => import('../classroom/ClassesPage.js').then((m) => ({ default: m.ClassesPage }))),
  Class: lazy(() => import('../classroom/ClassPage.js').then((m) => ({ default: m.ClassPage }))),
  Join: lazy(() => import('../classroom/JoinClassPage.js').then((m) => ({ default: m.JoinClassPage }))),
};

/** Role paths match the server's role links: `/<role>/<sessionId>#k=<token>`. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<AccountHome />} />
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
        <Route path="classes" element={<classroom.Classes />} />
        <Route path="classes/:classId" element={<classroom.Class />} />
        <Route path="classe" element={<classroom.Join />} />
        <Route path="sessions/:sessionId/liens" element={<account.Share />} />
        <Route path="connexion" element={<account.SignIn />} />
        <Route path="setup" element={<account.Setup />} />
        <Route path="invitation" element={<account.Invitation />} />
        <Route path="reset-password" element={<account.Reset />} />
        <Route path="organisation" element={<account.Organization />} />
        <Route path="confidentialite" element={<account.Privacy />} />
        <Route path="accessibilite" element={<account.Accessibility />} />
        <Route path="badges" element={<BadgesPage />} />
        <Route path="badge/:awardId" element={<BadgeVerifyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
