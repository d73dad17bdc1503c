import { lazy, type ReactElement } from 'react';
import type { Role } from '@ecoute/engine';
import { ROLE_PATHS } from '@ecoute/protocol';
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

// The authoring studio (issue 13): the library and the editor (CodeMirror, the lint worker).
const studio = {
  Library: lazy(() => import('../library/LibraryPage.js').then((m) => ({ default: m.LibraryPage }))),
  Editor: lazy(() => import('../editor/EditorPage.js').then((m) => ({ default: m.EditorPage }))),
};

/** The role pages, opened by the server's role links: `/<ROLE_PATHS[role]>/<sessionId>#k=<token>`. */
const ROLE_PAGES: readonly { role: Role; page: ReactElement }[] = [
  { role: 'listener', page: <ListenerPage /> },
  { role: 'trainer', page: <TrainerPage /> },
  { role: 'observer', page: <ObserverPage /> },
  { role: 'callerActor', page: <CallerActorPage /> },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<AccountHome />} />
        {ROLE_PAGES.flatMap(({ role, page }) =>
          // The link's words (`ROLE_PATHS`), and the role's name in code of the links made before.
          [ROLE_PATHS[role], role].map((first) => (
            <Route
              key={first}
              path={`${first}/:sessionId`}
              element={<RoleRoute role={role}>{page}</RoleRoute>}
            />
          )),
        )}
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
        <Route path="bibliotheque" element={<studio.Library />} />
        <Route path="bibliotheque/:callId" element={<studio.Editor />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
