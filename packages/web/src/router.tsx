import { Navigate, createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { RequireAdmin } from './auth/require-admin';
import { AppShell } from './components/app-shell';
import { REGIME_MODULES } from './lib/modules';
import { LoginPage } from './pages/login-page';
import { HomePage } from './pages/home/home-page';
import { ModulePage } from './pages/module-page';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import { ParticipantsPage } from './pages/participants/participants-page';
import { NewParticipantPage } from './pages/participants/new-participant-page';
import { ParticipantPage } from './pages/participants/participant-page';
import { UsersPage } from './pages/users/users-page';
import { NewUserPage } from './pages/users/new-user-page';
import { UserPage } from './pages/users/user-page';
import { AuditPage } from './pages/audit/audit-page';
import { TokensPage } from './pages/account/tokens-page';
import { ChangePasswordPage } from './pages/account/change-password-page';
import { LedgerPage } from './pages/ledger/ledger-page';
import { EntryPage } from './pages/ledger/entry-page';
import { NormsPage } from './pages/norms/norms-page';
import { NormPage } from './pages/norms/norm-page';
import { NormVersionPage } from './pages/norms/norm-version-page';
import { AmendmentsPage } from './pages/norms/amendments-page';
import { ProposeAmendmentPage } from './pages/norms/propose-amendment-page';
import { AmendmentPage } from './pages/norms/amendment-page';
import { DoctrinesPage } from './pages/doctrines/doctrines-page';
import { DoctrinePage } from './pages/doctrines/doctrine-page';
import { DoctrineComparePage } from './pages/doctrines/doctrine-compare-page';
import { MatrixPage } from './pages/doctrines/matrix-page';
import { PublishDoctrinePage } from './pages/doctrines/publish-page';
import { GlossaryPage } from './pages/glossary/glossary-page';
import { TermPage } from './pages/glossary/term-page';
import { DivergencePage } from './pages/glossary/divergence-page';
import { AlignmentPage } from './pages/glossary/alignment-page';
import { ContactsPage } from './pages/directory/contacts-page';
import { MyContactsPage } from './pages/directory/my-contacts-page';
import { PingTasksPage } from './pages/directory/ping-tasks-page';
import { PingDashboardPage } from './pages/directory/ping-dashboard-page';
import { MessagesPage } from './pages/directory/messages-page';
import { ComposeMessagePage } from './pages/directory/compose-message-page';
import { MessagePage } from './pages/directory/message-page';
import { PingRoundPage } from './pages/directory/ping-round-page';
import { WebhookPage } from './pages/directory/webhook-page';
import { PublicLayout } from './pages/public/public-layout';
import { PublicMatrixPage } from './pages/public/public-matrix-page';
import { PublicIntelPage } from './pages/public/public-intel-page';
import { PublicObjectPage } from './pages/public/public-object-page';
import { ObjectsPage } from './pages/intel/objects-page';
import { ObjectPage } from './pages/intel/object-page';
import { IncidentsPage } from './pages/intel/incidents-page';
import { ReportIncidentPage } from './pages/intel/report-incident-page';
import { CollectionsPage } from './pages/intel/collections-page';
import { CommunitiesPage } from './pages/intel/communities-page';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    // The public portal: readable without signing in, outside the signed-in shell.
    path: '/public',
    element: <PublicLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage inline />,
        children: [
          { index: true, element: <Navigate to="/public/matrix" replace /> },
          { path: 'matrix', element: <PublicMatrixPage /> },
          { path: 'intel', element: <PublicIntelPage /> },
          { path: 'intel/:stixId', element: <PublicObjectPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage inline />,
        children: [
          { index: true, element: <HomePage /> },
          // Modules not yet live on this node explain themselves on a placeholder page.
          ...REGIME_MODULES.filter((module) => !module.available).map((module) => ({
            path: module.path.slice(1),
            element: <ModulePage module={module} />,
          })),
          {
            path: 'norms',
            children: [
              { index: true, element: <NormsPage /> },
              { path: 'amendments', element: <AmendmentsPage /> },
              { path: 'amendments/new', element: <ProposeAmendmentPage /> },
              { path: 'amendments/:amendmentId', element: <AmendmentPage /> },
              { path: ':normId', element: <NormPage /> },
              { path: ':normId/versions/:version', element: <NormVersionPage /> },
            ],
          },
          {
            path: 'doctrines',
            children: [
              { index: true, element: <DoctrinesPage /> },
              { path: 'matrix', element: <MatrixPage /> },
              { path: 'publish', element: <PublishDoctrinePage /> },
              { path: ':participantId', element: <DoctrinePage /> },
              { path: ':participantId/versions/:version', element: <DoctrinePage /> },
              { path: ':participantId/compare', element: <DoctrineComparePage /> },
            ],
          },
          {
            path: 'glossary',
            children: [
              { index: true, element: <GlossaryPage /> },
              { path: 'divergence', element: <DivergencePage /> },
              { path: 'alignment', element: <AlignmentPage /> },
              { path: ':termId', element: <TermPage /> },
            ],
          },
          {
            path: 'directory',
            children: [
              { index: true, element: <ContactsPage /> },
              { path: 'mine', element: <MyContactsPage /> },
              { path: 'pings', element: <PingTasksPage /> },
              { path: 'pings/dashboard', element: <PingDashboardPage /> },
              { path: 'pings/rounds/:roundId', element: <PingRoundPage /> },
              { path: 'webhook', element: <WebhookPage /> },
              { path: 'messages', element: <MessagesPage box="inbox" /> },
              { path: 'messages/sent', element: <MessagesPage box="sent" /> },
              { path: 'messages/new', element: <ComposeMessagePage /> },
              { path: 'messages/:messageId', element: <MessagePage /> },
            ],
          },
          {
            path: 'intel',
            children: [
              { index: true, element: <ObjectsPage /> },
              { path: 'objects/:stixId', element: <ObjectPage /> },
              { path: 'incidents', element: <IncidentsPage /> },
              { path: 'incidents/new', element: <ReportIncidentPage /> },
              { path: 'collections', element: <CollectionsPage /> },
              { path: 'communities', element: <CommunitiesPage /> },
            ],
          },
          {
            // `/ledger` itself is the server's tlog-tiles API, so the pages live beside it.
            path: 'transparency-log',
            children: [
              { index: true, element: <LedgerPage /> },
              { path: 'entries/:index', element: <EntryPage /> },
            ],
          },
          {
            path: 'admin',
            element: <RequireAdmin />,
            children: [
              {
                path: 'participants',
                children: [
                  { index: true, element: <ParticipantsPage /> },
                  { path: 'new', element: <NewParticipantPage /> },
                  { path: ':participantId', element: <ParticipantPage /> },
                ],
              },
              {
                path: 'users',
                children: [
                  { index: true, element: <UsersPage /> },
                  { path: 'new', element: <NewUserPage /> },
                  { path: ':userId', element: <UserPage /> },
                ],
              },
              { path: 'audit', element: <AuditPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          { path: 'account/tokens', element: <TokensPage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
