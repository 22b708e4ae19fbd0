import { createBrowserRouter } from 'react-router';
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

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
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
