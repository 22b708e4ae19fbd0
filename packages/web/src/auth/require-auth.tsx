import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { MeContext, loginPath, peekSessionEndReason, sessionQuery } from './session';
import { Splash } from '../components/splash';
import { ErrorState } from '../components/states';

/** Renders its children only for a signed-in user; everyone else goes to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQuery);
  const location = useLocation();

  if (session.isPending) return <Splash />;
  if (session.isError) {
    return (
      <main className="splash">
        <ErrorState
          title="Concord is not reachable"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </main>
    );
  }
  if (!session.data) {
    // After signing out there is nowhere to go back to; after an expiry, come back here.
    const next =
      peekSessionEndReason() === 'signed-out'
        ? null
        : `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={loginPath(next)} replace />;
  }
  return <MeContext value={session.data.user}>{children}</MeContext>;
}
